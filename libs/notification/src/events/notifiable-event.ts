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
 * deadlines library with `recipientUserIds`), or the people the memo's copies (สำเนาเรียน) reach.
 */
export type RecipientRule = 'awaiting_step' | 'author' | 'author_and_admins' | 'named' | 'copy_recipients';

export interface EventRule {
  kind: NotificationKind;
  recipients: RecipientRule;
}

const NEW_WORK: EventRule = { kind: NotificationKind.NewWork, recipients: 'awaiting_step' };

const RULES: Record<string, readonly EventRule[]> = {
  // A submitted memo is work for the first step and, for information, news to its copies.
  'memo.submitted': [NEW_WORK, { kind: NotificationKind.Copied, recipients: 'copy_recipients' }],
  'memo.resubmitted': [NEW_WORK],
  'memo.endorsed': [NEW_WORK],
  'memo.step_skipped': [NEW_WORK],
  'memo.rerouted': [NEW_WORK],
  'memo.returned': [{ kind: NotificationKind.Returned, recipients: 'author' }],
  'memo.decided': [{ kind: NotificationKind.Decided, recipients: 'author' }],
  'document.published': [{ kind: NotificationKind.Published, recipients: 'author' }],
  'document.failed': [{ kind: NotificationKind.DocumentFailed, recipients: 'author_and_admins' }],
  'memo.step_reminder': [{ kind: NotificationKind.Reminder, recipients: 'named' }],
  'memo.step_escalated': [{ kind: NotificationKind.Escalation, recipients: 'named' }],
};

/**
 * The notifications an event type gives people, in order (a person concerned by two gets the
 * first only), or none (it may still go to webhooks).
 */
export function eventRules(type: string): readonly EventRule[] {
  return Object.hasOwn(RULES, type) ? RULES[type] : [];
}

/** Whether the relay hands this event to the notification fan-out at all. */
export function isNotifiable(type: string): boolean {
  return eventRules(type).length > 0 || isWebhookEventType(type);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The person ids an event names (reminders, escalations): `recipientUserIds`, `recipientIds` or `recipients`. */
export function namedRecipients(payload: Record<string, unknown>): string[] {
  // The deadlines library writes recipientUserIds.
  const list = payload.recipientUserIds ?? payload.recipientIds ?? payload.recipients;
  if (!Array.isArray(list)) return [];
  return [...new Set(list.filter((x): x is string => typeof x === 'string' && UUID.test(x)))];
}
