import { AppException, ErrorCode } from '@saraban/errors';
import type { MemoDocument } from './memo-document';

/**
 * The most one document may ask Chromium to lay out. Past these a render would take minutes
 * and hold a tab (and memory) that other documents need: such a document is refused before it
 * reaches Chromium, with an error that names the limit. Drafting checks the same limits when a
 * table is added, so a memo that could not print never reaches a decision.
 */
export const PRINT_LIMITS = {
  /** Report-table cells over all of a memo's tables: a little over four of the largest tables drafting allows (30 columns × 2,000 rows and the header). */
  tableCells: 250_000,
  /** Characters of text over the whole memo (body, tables, endorsements): about 800 printed pages. */
  textChars: 2_000_000,
} as const;

/**
 * How long a render may take: the base timeout for an ordinary memo, plus time for each table
 * cell and each character: on 2 cores the largest table (60,000 cells) prints in 20–40 s, and
 * up to 70 s with a CPU hog on both cores (the soak); 1.5 ms a cell gives it 120 s. A hung
 * browser is the watchdog's to catch, not this timeout's.
 */
export const PRINT_TIME = {
  perTableCellMs: 1.5,
  perThousandCharsMs: 15,
} as const;

/**
 * A document past either of these is heavy: it holds a tab for tens of seconds (the largest
 * table drafting allows, 30 × 2,000, prints in 30–40 s on 2 cores). Heavy documents share one
 * lane of the pool, so the other tabs always keep printing ordinary memos, and print untagged.
 */
export const HEAVY_DOCUMENT = {
  tableCells: 10_000,
  textChars: 200_000,
} as const;

export interface PrintBudget {
  tableCells: number;
  textChars: number;
  timeoutMs: number;
  heavy: boolean;
}

/** What the document asks of the printer, and its timeout; refuses one past PRINT_LIMITS. */
export function printBudget(doc: MemoDocument, baseTimeoutMs: number): PrintBudget {
  let tableCells = 0;
  let textChars = doc.subject.length + doc.unitLine.length + doc.addressee.length + doc.closing.length;
  for (const block of doc.body) {
    textChars +=
      block.type === 'numbered' ? block.items.reduce((n, s) => n + s.length, 0) : block.text.length;
  }
  for (const e of doc.endorsements) textChars += e.heading.length + e.text.length;
  for (const table of doc.reportTables) {
    tableCells += table.columns.length * (table.rows.length + 1);
    textChars += table.title.length;
    for (const c of table.columns) textChars += c.length;
    for (const row of table.rows) for (const cell of row) textChars += cell.length;
  }
  if (tableCells > PRINT_LIMITS.tableCells) {
    throw tooLarge(
      'tableCells',
      tableCells,
      `ตารางรวมกันเกิน ${PRINT_LIMITS.tableCells.toLocaleString('th-TH')} ช่อง`,
    );
  }
  if (textChars > PRINT_LIMITS.textChars) {
    throw tooLarge(
      'textChars',
      textChars,
      `ข้อความรวมกันเกิน ${PRINT_LIMITS.textChars.toLocaleString('th-TH')} ตัวอักษร`,
    );
  }
  const timeoutMs = Math.ceil(
    baseTimeoutMs +
      tableCells * PRINT_TIME.perTableCellMs +
      (textChars / 1000) * PRINT_TIME.perThousandCharsMs,
  );
  const heavy = tableCells > HEAVY_DOCUMENT.tableCells || textChars > HEAVY_DOCUMENT.textChars;
  return { tableCells, textChars, timeoutMs, heavy };
}

function tooLarge(limit: keyof typeof PRINT_LIMITS, actual: number, thai: string): AppException {
  return new AppException(
    ErrorCode.DocumentTooLarge,
    { limit, max: PRINT_LIMITS[limit], actual },
    `เอกสารใหญ่เกินกว่าจะพิมพ์เป็น PDF ได้: ${thai} กรุณาแบ่งเป็นหลายบันทึกหรือแนบเป็นไฟล์ PDF`,
  );
}
