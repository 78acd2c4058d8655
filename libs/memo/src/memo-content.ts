import type { MemoBlock } from './memo-block';
import type { Secrecy, Urgency } from './entities/memo.entity';

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
  signerPositionId: string;
}
