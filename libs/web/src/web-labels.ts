import { ORDER_CHOICE_LABELS } from '@saraban/approval';
import { SECRECY_LABELS, URGENCY_LABELS } from '@saraban/memo';
import { ACTING_KIND_LABELS } from '@saraban/organisation';

/*
 * Thai words for the codes the API uses, as shown on screen. Urgency, secrecy, orders and acting
 * kinds are their libraries' words (one place each); the rest are the pages' own.
 */
export { ACTING_KIND_LABELS, SECRECY_LABELS, URGENCY_LABELS };

export const ORDER_LABELS: Record<string, string> = ORDER_CHOICE_LABELS;

export const STATUS_LABELS: Record<string, string> = {
  draft: 'ร่าง',
  in_review: 'อยู่ระหว่างพิจารณา',
  returned: 'ส่งคืนให้แก้ไข',
  decided: 'สั่งการแล้ว',
  withdrawn: 'ถอนเรื่องแล้ว',
  cancelled: 'ยกเลิกแล้ว',
};

/** Where a decided memo's document stands (DocumentStatusService's states). */
export const DOCUMENT_STATE_LABELS: Record<string, string> = {
  producing: 'กำลังจัดทำเอกสาร…',
  signed: 'ลงนามแล้ว',
  publishing: 'กำลังเผยแพร่',
  published: 'เผยแพร่แล้ว',
  failed: 'จัดทำเอกสารไม่สำเร็จ',
};

/** The job of the document's flow that failed. */
export const DOCUMENT_STAGE_LABELS: Record<string, string> = {
  render: 'สร้างไฟล์ PDF',
  sign: 'ลงลายมือชื่ออิเล็กทรอนิกส์',
  publish: 'เผยแพร่บนเว็บไซต์',
};

export const ROLE_LABELS: Record<string, string> = {
  officer: 'เจ้าหน้าที่',
  clerk: 'งานสารบรรณ',
  admin: 'ผู้ดูแลระบบ',
};

/** What the writer asks of the decision maker (MemoPurpose). */
export const PURPOSE_LABELS: Record<string, string> = {
  decision: 'เพื่อพิจารณา/อนุมัติ',
  information: 'เพื่อทราบ',
};

export const BLOCK_TYPE_LABELS: Record<string, string> = {
  heading: 'หัวข้อ',
  paragraph: 'ย่อหน้า',
  numbered: 'ข้อย่อยมีเลขลำดับ',
};

/** Words the approvers write most; the memo page offers them as one-tap phrases. */
export const QUICK_OPINIONS = ['ทราบ', 'เห็นควรอนุมัติ', 'เห็นชอบ', 'เห็นควรทราบ', 'เห็นควรพิจารณา'];

/** Closing requests the domain guide lists. */
export const CLOSING_PHRASES = [
  'จึงเรียนมาเพื่อโปรดพิจารณา',
  'จึงเรียนมาเพื่อโปรดทราบ',
  'จึงเรียนมาเพื่อโปรดทราบและพิจารณา',
  'จึงเรียนมาเพื่อโปรดพิจารณาอนุมัติ',
  'จึงเรียนมาเพื่อโปรดทราบและประชาสัมพันธ์',
];

/** Headings long memos use. */
export const HEADING_PHRASES = ['เรื่องเดิม', 'ข้อเท็จจริง', 'ข้อระเบียบ/กฎหมาย', 'ข้อเสนอ/ข้อพิจารณา'];
