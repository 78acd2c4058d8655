import type { RegisterNumberChangeView } from './register-number-change.view';

/** Where one register stands in one calendar year. */
export interface RegisterYearSummary {
  register: string;
  year: number;
  /** The number the next issue will get. */
  nextNumber: number;
  /** The highest number in the register that year, cancelled ones included; 0 when none. */
  lastIssuedNumber: number;
  issuedCount: number;
  cancelledCount: number;
  /** The clerk's changes of the next number, oldest first. */
  changes: RegisterNumberChangeView[];
}
