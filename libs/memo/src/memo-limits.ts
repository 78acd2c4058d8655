/** Bounds on what one memo may hold; generous for real memos, small enough to keep rows and renders sane. */
export const MEMO_LIMITS = {
  subject: 500,
  unitLine: 300,
  addressee: 300,
  closing: 300,
  headingText: 300,
  paragraphText: 10_000,
  numberedItems: 100,
  numberedItemText: 5_000,
  blocks: 200,
  oitItem: 20,
  /** The fiscal years (พ.ศ.) a published memo may be filed under: from the 2484 calendar reform on. */
  fiscalYearMin: 2484,
  fiscalYearMax: 2800,
  attachments: 30,
  attachmentTitle: 300,
  filename: 200,
  tableColumns: 30,
  tableRows: 2_000,
  tableCellText: 5_000,
  tsvText: 1_000_000,
} as const;

/** The closing request used when the author gives none. */
export const DEFAULT_CLOSING = 'จึงเรียนมาเพื่อโปรดพิจารณา';
