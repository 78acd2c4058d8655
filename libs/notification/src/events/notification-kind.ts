/** What a notification tells its reader; preferences are per kind and channel. */
export enum NotificationKind {
  /** A memo waits for me, in one of my capacities (own post or acting). */
  NewWork = 'new_work',
  /** My memo came back to me for revision: work waiting for its writer. */
  Returned = 'returned',
  /** My memo got its decision. */
  Decided = 'decided',
  /** The signed document of my memo is on the portal. */
  Published = 'published',
  /** The document of my memo could not be made (render, sign or publish gave up). */
  DocumentFailed = 'document_failed',
  /** A step of mine is due soon (written by the deadlines library). */
  Reminder = 'reminder',
  /** A step is overdue and escalated to me. */
  Escalation = 'escalation',
  /** A memo was submitted with a copy (สำเนาเรียน) to me or my unit: for information, not work. */
  Copied = 'copied',
}

export const NOTIFICATION_KINDS: readonly NotificationKind[] = Object.values(NotificationKind);

/** Thai labels for the list and the preferences page. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  [NotificationKind.NewWork]: 'งานใหม่รอดำเนินการ',
  [NotificationKind.Returned]: 'บันทึกถูกส่งคืนให้แก้ไข',
  [NotificationKind.Decided]: 'บันทึกของฉันได้รับคำสั่งแล้ว',
  [NotificationKind.Published]: 'เอกสารเผยแพร่แล้ว',
  [NotificationKind.DocumentFailed]: 'จัดทำเอกสารไม่สำเร็จ',
  [NotificationKind.Reminder]: 'เตือนงานใกล้ครบกำหนด',
  [NotificationKind.Escalation]: 'งานเกินกำหนด (ยกระดับ)',
  [NotificationKind.Copied]: 'สำเนาเรียนเพื่อทราบ',
};

/** The channels besides the in-app list (which always receives). */
export type DeliveryChannel = 'email' | 'line';
export const DELIVERY_CHANNELS: readonly DeliveryChannel[] = ['email', 'line'];
