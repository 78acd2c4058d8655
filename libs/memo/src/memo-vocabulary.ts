/* A memo's words: urgency, secrecy, purpose, copies and status, as types and their values. */

export type Urgency = 'normal' | 'urgent' | 'very_urgent' | 'most_urgent';
export const URGENCIES: readonly Urgency[] = ['normal', 'urgent', 'very_urgent', 'most_urgent'];
/**
 * What the writer asks of the decision maker: to take note (เพื่อทราบ), where "ทราบ" is the
 * expected order, or to consider and approve (เพื่อพิจารณา/อนุมัติ), where no order is assumed.
 */
export type MemoPurpose = 'information' | 'decision';
export const MEMO_PURPOSES: readonly MemoPurpose[] = ['information', 'decision'];
/** สำเนาเรียน: a person or a unit of the organisation who receives the memo for information. */
export interface MemoCopy {
  kind: 'person' | 'unit';
  id: string;
}
export const MEMO_COPY_KINDS: readonly MemoCopy['kind'][] = ['person', 'unit'];

export type Secrecy = 'normal' | 'confidential' | 'secret' | 'top_secret';
export const SECRECIES: readonly Secrecy[] = ['normal', 'confidential', 'secret', 'top_secret'];

/** Where a memo stands; the approval engine owns every value but `draft`. */
export type MemoStatus = 'draft' | 'in_review' | 'returned' | 'decided' | 'withdrawn' | 'cancelled';
export const MEMO_STATUSES: readonly MemoStatus[] = [
  'draft',
  'in_review',
  'returned',
  'decided',
  'withdrawn',
  'cancelled',
];
/** The author may change content and attachments only in these. */
export const EDITABLE_STATUSES: readonly MemoStatus[] = ['draft', 'returned'];
