import type { ApprovalIntent } from '../core/approval-intent';
import type { ApprovalSnapshot } from '../core/approval-snapshot.util';
import type { Capacity } from '../core/capacity';

/** One machine event applied in a command, with who did it (null: passed over by the system). */
export interface Applied {
  snapshot: ApprovalSnapshot;
  intents: ApprovalIntent[];
  actorId: string | null;
  capacity: Capacity | null;
}

/** What a command wrote, for its answer and its history. */
export interface Written {
  version: number;
  registerEntryId: string | null;
  documentNo: string | null;
  datedOn: string | null;
}
