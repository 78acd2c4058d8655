import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { memoDocumentNo, resolveStep, StaffingReader, type Capacity } from '@saraban/approval';
import { memoCopyTargets, memoSummary } from '@saraban/memo';
import { activePeopleAmong, activePeopleOfUnits, activePeopleWithRole } from '@saraban/organisation';
import { bangkokDateString } from '@saraban/thai-format';
import { namedRecipients, type NotifiableEvent, type RecipientRule } from '../events/notifiable-event';

/** The memo as a notification shows it. */
export interface NotifiedMemo {
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

  async memo(event: NotifiableEvent): Promise<NotifiedMemo | null> {
    const memoId = event.payload.memoId;
    if (typeof memoId !== 'string') return null;
    const given = typeof event.payload.documentNo === 'string' ? event.payload.documentNo : null;
    const [memo, documentNo] = await Promise.all([
      memoSummary(this.db, event.organisationId, memoId),
      given ?? memoDocumentNo(this.db, event.organisationId, memoId),
    ]);
    if (!memo) return null;
    return { memoId, subject: memo.subject, documentNo, urgency: memo.urgency, authorId: memo.authorId };
  }

  async recipients(rule: RecipientRule, event: NotifiableEvent, memo: NotifiedMemo): Promise<Recipient[]> {
    switch (rule) {
      case 'author':
        return [{ personId: memo.authorId, capacity: null }];
      case 'author_and_admins': {
        const admins = await activePeopleWithRole(this.db, event.organisationId, 'admin');
        const ids = new Set([memo.authorId, ...admins.map((p) => p.id)]);
        return [...ids].map((personId) => ({ personId, capacity: null }));
      }
      case 'named': {
        const ids = await activePeopleAmong(this.db, event.organisationId, namedRecipients(event.payload));
        return ids.map((personId) => ({ personId, capacity: null }));
      }
      case 'awaiting_step':
        return this.awaiting(event, memo);
      case 'copy_recipients':
        return this.copyRecipients(event, memo);
    }
  }

  /** The people the memo's copies (สำเนาเรียน) reach, by name or through their unit; never its writer. */
  private async copyRecipients(event: NotifiableEvent, memo: NotifiedMemo): Promise<Recipient[]> {
    const targets = await memoCopyTargets(this.db, event.organisationId, memo.memoId);
    const [named, inUnits] = await Promise.all([
      activePeopleAmong(this.db, event.organisationId, targets.personIds),
      activePeopleOfUnits(this.db, event.organisationId, targets.unitIds),
    ]);
    const ids = new Set([...named, ...inUnits]);
    ids.delete(memo.authorId);
    return [...ids].map((personId) => ({ personId, capacity: null }));
  }

  /** The people who may act on the step the memo now waits at (never its author), in their capacity. */
  private async awaiting(event: NotifiableEvent, memo: NotifiedMemo): Promise<Recipient[]> {
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
}
