import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { resolveStep, StaffingReader, type WaitingStepDeadline } from '@saraban/approval';
import { activePeopleWithRole, personDisplayNames } from '@saraban/organisation';
import type { DeadlineNoticeKind } from '../entities/deadline-notice.entity';

export interface Recipients {
  ids: string[];
  names: string[];
}

/**
 * Who is told about a step on a day. A reminder: the people who may act on it (holders and
 * acting, as the approval engine resolves them; never the author). An escalation: the
 * organisation's clerks (งานสารบรรณ) and the people who may act on the next step up the chain.
 */
@Injectable()
export class DeadlineRecipients {
  constructor(private readonly staffing: StaffingReader) {}

  async of(
    m: EntityManager,
    kind: DeadlineNoticeKind,
    step: WaitingStepDeadline,
    day: string,
  ): Promise<Recipients> {
    const people = new Map<string, string>();
    const actorsOf = async (s: { positionId: string; positionTitle: string }) => {
      const staffing = await this.staffing.forPositions(m, step.organisationId, [s.positionId], day);
      const r = resolveStep(s, day, staffing, step.authorId);
      if (r.kind !== 'actors') return;
      for (const a of r.actors) people.set(a.personId, staffing.personNames.get(a.personId) ?? '');
    };
    if (kind === 'reminder') {
      await actorsOf(step.step);
    } else {
      const clerks = await activePeopleWithRole(m, step.organisationId, 'clerk');
      const names = await personDisplayNames(
        m,
        clerks.map((c) => c.id),
      );
      for (const clerk of clerks) people.set(clerk.id, names.get(clerk.id) ?? clerk.username);
      if (step.nextStep) await actorsOf(step.nextStep);
    }
    return { ids: [...people.keys()], names: [...people.values()] };
  }
}
