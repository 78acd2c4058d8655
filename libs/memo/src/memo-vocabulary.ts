/* A memo's words: urgency, secrecy, purpose, copies and status, each a list of its values and the type it makes. */

export const URGENCIES = ['normal', 'urgent', 'very_urgent', 'most_urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
/**
 * What the writer asks of the decision maker: to take note (เพื่อทราบ), where "ทราบ" is the
 * expected order, or to consider and approve (เพื่อพิจารณา/อนุมัติ), where no order is assumed.
 */
export type MemoPurpose = (typeof MEMO_PURPOSES)[number];
export const MEMO_PURPOSES = ['information', 'decision'] as const;
export const MEMO_COPY_KINDS = ['person', 'unit'] as const;
/** สำเนาเรียน: a person or a unit of the organisation who receives the memo for information. */
export interface MemoCopy {
  kind: (typeof MEMO_COPY_KINDS)[number];
  id: string;
}

export const SECRECIES = ['normal', 'confidential', 'secret', 'top_secret'] as const;
export type Secrecy = (typeof SECRECIES)[number];

export const MEMO_STATUSES = ['draft', 'in_review', 'returned', 'decided', 'withdrawn', 'cancelled'] as const;
/** Where a memo stands; the approval engine owns every value but `draft`. */
export type MemoStatus = (typeof MEMO_STATUSES)[number];
/** The author may change content and attachments only in these. */
export const EDITABLE_STATUSES: readonly MemoStatus[] = ['draft', 'returned'];
