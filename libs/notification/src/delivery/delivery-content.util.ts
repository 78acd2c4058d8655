import { NOTIFICATION_KIND_LABELS } from '../events/notification-kind';
import type { NotificationRow } from '../inbox/notification.repository';

export const URGENCY_LABELS: Record<string, string> = {
  normal: 'ปกติ',
  urgent: 'ด่วน',
  very_urgent: 'ด่วนมาก',
  most_urgent: 'ด่วนที่สุด',
};

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
