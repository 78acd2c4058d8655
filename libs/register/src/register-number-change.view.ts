/** A clerk's change of a register's next number, as the year summary shows it (API and web alike). */
export interface RegisterNumberChangeView {
  id: string;
  organisationId: string;
  register: string;
  year: number;
  /** The next number before the change; null when the year had no counter yet. */
  previousNextNumber: number | null;
  nextNumber: number;
  /** The highest number already in the register that year when the change was made (0 if none). */
  lastIssuedNumber: number;
  note: string | null;
  changedById: string | null;
  changedAt: Date;
}
