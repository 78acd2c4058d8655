import type { Role } from '@saraban/organisation';
import type { ApprovalEventType } from '../core/approval-event';
import type { Capacity } from '../core/capacity';
import type { StepResolution } from '../core/who-may-act.util';
import type { ApprovalCommandName } from '../dto/approval-views';

export const COMMAND_EVENT: Record<ApprovalCommandName, ApprovalEventType> = {
  submit: 'SUBMIT',
  endorse: 'ENDORSE',
  return: 'RETURN',
  decide: 'DECIDE',
  withdraw: 'WITHDRAW',
  cancel: 'CANCEL',
  reroute: 'REROUTE',
};

export interface Caller {
  personId: string;
  roles: readonly Role[];
}

export type Permission = { ok: true; capacity: Capacity | null } | { ok: false; notYourTurn: boolean };

/** A step nobody but the author, or nobody at all, may act on today. */
export function isStuck(resolution: StepResolution | null): boolean {
  return resolution !== null && resolution.kind !== 'actors';
}

/**
 * Who may give a command, apart from what the machine accepts in the current state:
 * the author submits and withdraws; whoever may act on the waiting step endorses, returns
 * and decides (in the capacity found); the clerk cancels; a clerk or admin re-routes a stuck step.
 */
export function permission(
  command: ApprovalCommandName,
  caller: Caller,
  authorId: string,
  resolution: StepResolution | null,
): Permission {
  const isAuthor = caller.personId === authorId;
  switch (command) {
    case 'submit':
    case 'withdraw':
      return isAuthor ? { ok: true, capacity: null } : { ok: false, notYourTurn: false };
    case 'endorse':
    case 'return':
    case 'decide': {
      const me =
        resolution?.kind === 'actors'
          ? resolution.actors.find((a) => a.personId === caller.personId)
          : undefined;
      return me ? { ok: true, capacity: me.capacity } : { ok: false, notYourTurn: true };
    }
    case 'cancel':
      return caller.roles.includes('clerk')
        ? { ok: true, capacity: null }
        : { ok: false, notYourTurn: false };
    case 'reroute':
      return (caller.roles.includes('clerk') || caller.roles.includes('admin')) && isStuck(resolution)
        ? { ok: true, capacity: null }
        : { ok: false, notYourTurn: false };
  }
}
