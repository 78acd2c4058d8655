import { z } from 'zod';
import { optionalField } from '@saraban/errors';
import { MEMO_LIMITS } from '../memo-limits';
import { isSafeText, memoText } from '../memo-draft.schema';
import { expectedVersion, expectedVersionText } from './memo-version.schema';

/*
 * What may be sent to change a memo's attachments: one schema per input, for the API
 * (SchemaPipe) and the web's attachment forms alike, so both refuse the same things with the
 * same Thai words. What only the service can judge (a row's width against its header, a pasted
 * table's shape, the memo's total of cells) stays with the service, which both reach.
 */

const tableCell = z
  .string({ error: 'ช่องของตารางต้องเป็นข้อความ' })
  .max(MEMO_LIMITS.tableCellText, `ช่องของตารางยาวเกิน ${MEMO_LIMITS.tableCellText} ตัวอักษร`)
  .refine((v) => isSafeText(v, true), 'ช่องของตารางมีอักขระควบคุมที่พิมพ์ไม่ได้ (เช่น NUL)');

/**
 * Why `value` is not a list of table rows, or null when it is. One answer for the whole list: a
 * pasted table of 60,000 cells gets one problem, not one per cell. The width is the service's.
 */
export function tableRowsProblem(value: unknown): string | null {
  if (!Array.isArray(value)) return 'แถวของตาราง (rows) ต้องเป็นรายการของแถว';
  if (value.length > MEMO_LIMITS.tableRows) return `ตารางมีได้ไม่เกิน ${MEMO_LIMITS.tableRows} แถว`;
  for (const [r, row] of value.entries()) {
    if (!Array.isArray(row)) return `แถวที่ ${r + 1} ต้องเป็นรายการของช่อง`;
    if (row.length > MEMO_LIMITS.tableColumns) return `แถวที่ ${r + 1} มีเกิน ${MEMO_LIMITS.tableColumns} ช่อง`;
    for (const [c, cell] of row.entries()) {
      const parsed = tableCell.safeParse(cell);
      if (!parsed.success) return `แถวที่ ${r + 1} ช่องที่ ${c + 1}: ${parsed.error.issues[0].message}`;
    }
  }
  return null;
}

const tableRows = z.unknown().superRefine((value, ctx) => {
  const problem = tableRowsProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
}) as unknown as z.ZodType<string[][]>;

export const attachmentInputSchemas = {
  /** The text fields of a PDF upload (multipart: the file is its own part). */
  pdfUpload: z.strictObject({
    title: memoText('ชื่อสิ่งที่แนบ', MEMO_LIMITS.attachmentTitle),
    version: optionalField(expectedVersionText),
  }),
  /**
   * A report table: structured (`columns` and `rows`) or pasted from a spreadsheet (`tsv`). Its
   * title may have several lines (a report's cover: its name, the office, district, province).
   */
  table: z.strictObject({
    title: memoText('ชื่อตาราง', MEMO_LIMITS.attachmentTitle, true),
    columns: optionalField(
      z
        .array(tableCell, { error: 'หัวตาราง (columns) ต้องเป็นรายการข้อความ' })
        .min(1, 'ตารางต้องมีอย่างน้อยหนึ่งคอลัมน์')
        .max(MEMO_LIMITS.tableColumns, `ตารางมีได้ไม่เกิน ${MEMO_LIMITS.tableColumns} คอลัมน์`),
    ),
    rows: optionalField(tableRows),
    tsv: optionalField(
      z
        .string({ error: 'ข้อมูลที่วางจากตารางคำนวณ (tsv) ต้องเป็นข้อความ' })
        .max(MEMO_LIMITS.tsvText, `ข้อมูลที่วางยาวเกิน ${MEMO_LIMITS.tsvText.toLocaleString('en-US')} ตัวอักษร`)
        .refine((v) => v.trim().length > 0, 'กรุณาวางข้อมูลจากตารางคำนวณ')
        .refine((v) => isSafeText(v, true), 'ข้อมูลที่วางมีอักขระควบคุมที่พิมพ์ไม่ได้ (เช่น NUL)'),
    ),
    version: optionalField(expectedVersion),
  }),
  /** A new printing order: every attachment id once, first printed first. */
  reorder: z.strictObject({
    order: z
      .array(z.guid({ error: 'รหัสสิ่งที่แนบไม่ถูกต้อง' }), { error: 'ลำดับ (order) ต้องเป็นรายการรหัสสิ่งที่แนบ' })
      .max(MEMO_LIMITS.attachments, `แนบได้ไม่เกิน ${MEMO_LIMITS.attachments} รายการต่อบันทึก`)
      .refine((ids) => new Set(ids).size === ids.length, 'รหัสสิ่งที่แนบซ้ำกันในลำดับ'),
    version: optionalField(expectedVersion),
  }),
} as const;

export type AttachmentInput<K extends keyof typeof attachmentInputSchemas> = z.infer<
  (typeof attachmentInputSchemas)[K]
>;
