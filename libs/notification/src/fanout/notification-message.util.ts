import { capacityLines, type Capacity } from '@saraban/approval';
import { formatThaiDateTime } from '@saraban/thai-format';
import { NotificationKind } from '../events/notification-kind';

/** The Thai line under a notification's subject: what happened and what it asks of the reader. */
export function notificationSummary(
  kind: NotificationKind,
  extra: { capacity?: Capacity | null; dueAt?: Date | null },
): string {
  const due = extra.dueAt ? ` (กำหนด ${formatThaiDateTime(extra.dueAt)})` : '';
  switch (kind) {
    case NotificationKind.NewWork:
      return extra.capacity
        ? `รอท่านพิจารณาในฐานะ ${capacityLines(extra.capacity).join(' ')}`
        : 'มีบันทึกข้อความรอท่านพิจารณา';
    case NotificationKind.Returned:
      return 'บันทึกของท่านถูกส่งคืนให้แก้ไข กรุณาแก้ไขแล้วส่งเสนอใหม่';
    case NotificationKind.Decided:
      return 'บันทึกของท่านได้รับคำสั่งแล้ว';
    case NotificationKind.Published:
      return 'เอกสารที่ลงนามแล้วเผยแพร่บนเว็บไซต์ของหน่วยงานแล้ว';
    case NotificationKind.DocumentFailed:
      return 'จัดทำเอกสารไม่สำเร็จ ระบบจะลองใหม่โดยอัตโนมัติ';
    case NotificationKind.Reminder:
      return `งานนี้ใกล้ครบกำหนด${due}`;
    case NotificationKind.Escalation:
      return `งานนี้เกินกำหนดแล้ว${due}`;
    case NotificationKind.Copied:
      return 'สำเนาเรียนท่านเพื่อทราบ';
  }
}

/** The deep link to a memo (its page in the web interface), from PUBLIC_BASE_URL. */
export function memoLink(publicBaseUrl: string, memoId: string): string {
  return `${publicBaseUrl.replace(/\/$/, '')}/app/memos/${memoId}`;
}
