import type { MemoBlock } from './memo-block';
import type { AttachmentKind } from './entities/memo-attachment.entity';
import type { MemoCopy, MemoPurpose, Secrecy, Urgency } from './memo-vocabulary';

/** The editable part of a memo, as kept in each revision. */
export interface MemoContent {
  unitId: string;
  unitLine: string;
  subject: string;
  addressee: string;
  body: MemoBlock[];
  closing: string;
  urgency: Urgency;
  secrecy: Secrecy;
  /** Absent in revisions saved before it existed (they were all 'decision'). */
  purpose: MemoPurpose;
  signerPositionId: string;
  publish: boolean;
  oitItem: string | null;
  /** The fiscal year (พ.ศ.) it is filed under on the portal; null (or absent in older revisions): the decision's. */
  publishFiscalYear: number | null;
  /** สำเนาเรียน; absent in revisions saved before it existed (none then). */
  copies: MemoCopy[];
}

/** An attachment as a revision remembers it (the bytes are not copied). */
export interface MemoAttachmentSnapshot {
  id: string;
  kind: AttachmentKind;
  title: string;
  seq: number;
  sha256: string | null;
}

/** A memo as it stood at one version: its content and its attachment list. */
export interface MemoSnapshot extends MemoContent {
  attachments: MemoAttachmentSnapshot[];
}
