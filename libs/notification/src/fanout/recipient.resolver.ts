import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MemoWorkflow, resolveStep, StaffingReader, type Capacity } from '@saraban/approval';
import { Memo } from '@saraban/memo';
import { Person } from '@saraban/organisation';
import { bangkokDateString } from '@saraban/thai-format';
import { namedRecipients, type NotifiableEvent, type RecipientRule } from '../events/notifiable-event';

/** The memo as a notification shows it. */
export interface MemoSummary {
  memoId: string;
  subject: string;
  documentNo: string | null;
  urgency: string;
  authorId: string;
}

export interface Recipient {
  personId: string;
  capacity: Capacity | null;
}

/**
 * Who an event concerns, read through the owning libraries: the memo (memo), its number and
 * who may act on the step it waits at, own post or acting order (approval), admins (organisation).
 */
@Injectable()
export class RecipientResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly staffing: StaffingReader,
  ) {}

  async memo(event: NotifiableEvent): Promise<MemoSummary | null> {
    const memoId = event.payload.memoId;
    if (typeof memoId !== 'string') return null;
    const where = { id: memoId, organisationId: event.organisationId };
    const [memo, workflow] = await Promise.all([
      this.db
        .getRepository(Memo)
        .findOne({ where, select: { id: true, subject: true, urgency: true, authorId: true } }),
      typeof event.payload.documentNo === 'string'
        ? null
        : this.db.getRepository(MemoWorkflow).findOne({
            where: { memoId, organisationId: event.organisationId },
            select: { memoId: true, documentNo: true },
          }),
    ]);
    if (!memo) return null;
    return {
      memoId,
      subject: memo.subject,
      documentNo:
        typeof event.payload.documentNo === 'string'
          ? event.payload.documentNo
          : (workflow?.documentNo ?? null),
      urgency: memo.urgency,
      authorId: memo.authorId,
    };
  }

  async recipients(rule: RecipientRule, event: NotifiableEvent, memo: MemoSummary): Promise<Recipient[]> {
    switch (rule) {
      case 'author':
        return [{ personId: memo.authorId, capacity: null }];
      case 'author_and_admins': {
        const admins = await this.db.getRepository(Person).find({
          where: { organisationId: event.organisationId, active: true },
          select: { id: true, roles: true },
        });
        const ids = new Set([
          memo.authorId,
          ...admins.filter((p) => p.roles.includes('admin')).map((p) => p.id),
        ]);
        return [...ids].map((personId) => ({ personId, capacity: null }));
      }
      case 'named':
        return this.activePeople(event.organisationId, namedRecipients(event.payload));
      case 'awaiting_step':
        return this.awaiting(event, memo);
    }
  }

  /** The people who may act on the step the memo now waits at (never its author), in their capacity. */
  private async awaiting(event: NotifiableEvent, memo: MemoSummary): Promise<Recipient[]> {
    const awaiting = event.payload.awaiting as { positionId?: unknown } | null | undefined;
    if (!awaiting || typeof awaiting.positionId !== 'string') return [];
    const day = bangkokDateString(new Date(event.createdAt));
    const staffing = await this.staffing.forPositions(
      this.db.manager,
      event.organisationId,
      [awaiting.positionId],
      day,
    );
    const step = {
      positionId: awaiting.positionId,
      positionTitle: staffing.positionTitles.get(awaiting.positionId) ?? '',
    };
    const r = resolveStep(step, day, staffing, memo.authorId);
    return r.kind === 'actors' ? r.actors.map((a) => ({ personId: a.personId, capacity: a.capacity })) : [];
  }

  private async activePeople(organisationId: string, ids: string[]): Promise<Recipient[]> {
    if (ids.length === 0) return [];
    const people = await this.db
      .getRepository(Person)
      .createQueryBuilder('p')
      .select('p.id')
      .where('p.organisationId = :organisationId AND p.active AND p.id IN (:...ids)', { organisationId, ids })
      .getMany();
    return people.map((p) => ({ personId: p.id, capacity: null }));
  }
}
