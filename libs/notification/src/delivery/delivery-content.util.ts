import { URGENCY_LABELS as MEMO_URGENCY_LABELS } from '@saraban/memo';
import { NOTIFICATION_KIND_LABELS } from '../events/notification-kind';
import type { NotificationRow } from '../inbox/notification.repository';

/** The memo's urgency words, looked up by the urgency a notification row keeps as text. */
export const URGENCY_LABELS: Readonly<Record<string, string>> = MEMO_URGENCY_LABELS;

/** What the email and LINE templates of one notification show. */
export function notificationContext(n: NotificationRow) {
  return {
    kindLabel: NOTIFICATION_KIND_LABELS[n.kind],
    subject: n.subject,
    documentNo: n.documentNo,
    urgencyLabel: URGENCY_LABELS[n.urgency] ?? n.urgency,
    urgent: n.urgency !== 'normal',
    summary: n.summary,
    link: n.link,
  };
}
