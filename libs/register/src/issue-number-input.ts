/** What the register needs to issue one number; see RegisterService.issueNumber. */
export interface IssueNumberInput {
  organisationId: string;
  /** Defaults to 'outgoing'. */
  register?: string;
  /** The moment of registration; its Bangkok calendar year picks the numbering sequence. */
  at: Date;
  memoId?: string | null;
  issuedById?: string | null;
  fromText: string;
  toText: string;
  subject: string;
  /** ลงวันที่ as a Bangkok 'YYYY-MM-DD'; defaults to the Bangkok day of `at`. */
  datedOn?: string;
  /** การปฏิบัติ column. */
  action?: string | null;
  /** หมายเหตุ column. */
  remarks?: string | null;
}
