import type { ApprovalEvent } from '../core/approval-event';
import type { ApprovalCommand } from './approval-command';

/** The machine event a command asks for (texts trimmed; a re-route with its target as printed). */
export function toEvent(
  command: ApprovalCommand,
  reroute: { title: string; heading: string } | null,
): ApprovalEvent {
  switch (command.kind) {
    case 'submit':
      return { type: 'SUBMIT' };
    case 'endorse':
      return { type: 'ENDORSE', opinion: command.opinion?.trim() ?? '' };
    case 'return':
      return { type: 'RETURN', reason: command.reason.trim() };
    case 'decide':
      return { type: 'DECIDE', order: command.order, text: command.text?.trim() || null };
    case 'withdraw':
      return { type: 'WITHDRAW' };
    case 'cancel':
      return { type: 'CANCEL', reason: command.reason.trim() };
    case 'reroute':
      return {
        type: 'REROUTE',
        positionId: command.positionId,
        positionTitle: reroute?.title ?? '',
        heading: reroute?.heading ?? '',
        note: command.note.trim(),
      };
  }
}
