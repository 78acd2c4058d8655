import type { RegisterEntryStatus } from './entities/register-entry.entity';

/**
 * One line of the register as it is read outside the library (the API's JSON, the web's
 * register page): the entry's columns, in the order the API has always answered them.
 */
export interface RegisterEntryView {
  id: string;
  organisationId: string;
  register: string;
  /** Gregorian calendar year in Asia/Bangkok. */
  year: number;
  number: number;
  /** The ที่ as printed: register code "/" number, in the organisation's digits. */
  documentNo: string;
  registeredAt: Date;
  /** ลงวันที่: the Bangkok date the document carries (YYYY-MM-DD). */
  datedOn: string;
  fromText: string;
  toText: string;
  subject: string;
  action: string | null;
  remarks: string | null;
  memoId: string | null;
  issuedById: string | null;
  status: RegisterEntryStatus;
  cancelledAt: Date | null;
  cancelReason: string | null;
  cancelledById: string | null;
}
