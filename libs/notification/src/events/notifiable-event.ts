import { NotificationKind } from './notification-kind';

/** An outbox event as the relay hands it over: its id is the event's identity everywhere after. */
export interface NotifiableEvent {
  id: string;
  organisationId: string;
  type: string;
  payload: Record<string, unknown>;
  createdAt: string;
}

/** Events integrators may subscribe to (outgoing webhooks). */
export const WEBHOOK_EVENT_TYPES = [
  'memo.submitted',
  'memo.endorsed',
  'memo.returned',
  'memo.decided',
  'document.signed',
  'document.published',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(type: string): type is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);
}

/**
 * Who an event concerns, by type: the people who may now act on the step the memo waits at,
 * the memo's writer, or the people the event names (reminders and escalations, written by the
 * deadlines library with `recipientUserIds`).
 */
export type RecipientRule = 'awaiting_step' | 'author' | 'author_and_admins' | 'named';

export interface EventRule {
  kind: NotificationKind;
  recipients: RecipientRule;
}

const RULES: Record<string, EventRule> = {
  'memo.submitted': { kind: NotificationKind.NewWork, recipients: 'awaiting_step' },
  'memo.resubmitted': { kind: NotificationKind.NewWork, recipients: 'awaiting_step' },
  'memo.endorsed': { kind: NotificationKind.NewWork, recipients: 'awaiting_step' },
  'memo.step_skipped': { kind: NotificationKind.NewWork, recipients: 'awaiting_step' },
  'memo.rerouted': { kind: NotificationKind.NewWork, recipients: 'awaiting_step' },
  'memo.returned': { kind: NotificationKind.Returned, recipients: 'author' },
  'memo.decided': { kind: NotificationKind.Decided, recipients: 'author' },
  'document.published': { kind: NotificationKind.Published, recipients: 'author' },
  'document.failed': { kind: NotificationKind.DocumentFailed, recipients: 'author_and_admins' },
  'memo.step_reminder': { kind: NotificationKind.Reminder, recipients: 'named' },
  'memo.step_escalated': { kind: NotificationKind.Escalation, recipients: 'named' },
};

/** The notification an event type gives people, or null (it may still go to webhooks). */
export function eventRule(type: string): EventRule | null {
  return Object.hasOwn(RULES, type) ? RULES[type] : null;
}

/** Whether the relay hands this event to the notification fan-out at all. */
export function isNotifiable(type: string): boolean {
  return eventRule(type) !== null || isWebhookEventType(type);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The person ids an event names (reminders, escalations): `recipientUserIds`, `recipientIds` or `recipients`. */
export function namedRecipients(payload: Record<string, unknown>): string[] {
  // The deadlines library writes recipientUserIds.
  const list = payload.recipientUserIds ?? payload.recipientIds ?? payload.recipients;
  if (!Array.isArray(list)) return [];
  return [...new Set(list.filter((x): x is string => typeof x === 'string' && UUID.test(x)))];
}
