import { z } from 'zod';
import { requiredTextField, schemaProblems, type SchemaProblem } from '@saraban/errors';
import { OIT_ITEM_CODE, OIT_ITEM_CODE_MESSAGE } from '@saraban/organisation';
import { MEMO_COPY_KINDS, MEMO_PURPOSES, SECRECIES, URGENCIES } from './memo-vocabulary';
import { MEMO_LIMITS } from './memo-limits';

/*
 * What a memo draft may hold: one schema for every input that writes one. The API validates
 * POST and PATCH /memos with it (MemoDraftSchemaPipe) and the web's compose form validates the
 * fields it has read with it, so both refuse the same things with the same Thai words
 * (`memoDraftProblems`). Cleaning what a browser posts (line endings, pasted tabs) stays with
 * the web form; this schema only says what is allowed.
 */

// NUL cannot be stored in PostgreSQL text or jsonb, and the other C0 controls (and DEL) only
// ever arrive as debris from copy-paste; tab and line breaks are legitimate in multi-line text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Whether `value` holds only characters a memo may print; `multiline` also allows tab, CR and LF. */
export function isSafeText(value: unknown, multiline: boolean): boolean {
  if (typeof value !== 'string') return false;
  return !(multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).test(value);
}

/** How many people and units one memo may be copied to. */
export const MEMO_COPIES_MAX = 50;

const FISCAL_YEAR_MESSAGE = 'กรุณาเลือกปีงบประมาณ (พ.ศ.) จากรายการ';

/** Text a person typed: not blank, at most `max` characters, no control characters. */
export function memoText(label: string, max: number, multiline = false) {
  return requiredTextField(label, max).refine(
    (v) => isSafeText(v, multiline),
    `${label}มีอักขระควบคุมที่พิมพ์ไม่ได้ (เช่น NUL)`,
  );
}

const headingBlock = z.strictObject({
  type: z.literal('heading'),
  text: memoText('ข้อความ', MEMO_LIMITS.headingText),
});

const paragraphBlock = z.strictObject({
  type: z.literal('paragraph'),
  text: memoText('ข้อความ', MEMO_LIMITS.paragraphText, true),
});

const numberedBlock = z.strictObject({
  type: z.literal('numbered'),
  items: z
    .array(memoText('ข้อ', MEMO_LIMITS.numberedItemText, true), { error: 'รายการข้อต้องเป็นรายการข้อความ' })
    .min(1, 'ต้องมีอย่างน้อยหนึ่งข้อ')
    .max(MEMO_LIMITS.numberedItems, `มีได้ไม่เกิน ${MEMO_LIMITS.numberedItems} ข้อ`),
});

/** One body block: a heading, a paragraph or numbered items. */
export const memoBlockSchema = z.discriminatedUnion('type', [headingBlock, paragraphBlock, numberedBlock], {
  error: 'ส่วนของเนื้อหาต้องเป็นหัวข้อ ย่อหน้า หรือรายการข้อ',
});

/** The body: blocks in reading order. */
export const memoBodySchema = z
  .array(memoBlockSchema, { error: 'เนื้อหาต้องเป็นรายการของส่วน' })
  .max(MEMO_LIMITS.blocks, `เนื้อหามีได้ไม่เกิน ${MEMO_LIMITS.blocks} ส่วน`);

const memoCopySchema = z.strictObject(
  {
    kind: z.enum(MEMO_COPY_KINDS, { error: 'สำเนาเรียนต้องเป็นบุคคลหรือหน่วยงาน' }),
    id: z.guid({ error: 'รหัสผู้รับสำเนาไม่ถูกต้อง' }),
  },
  { error: 'สำเนาเรียนแต่ละรายการต้องมีชนิดและรหัส' },
);

const NOT_A_MEMO = 'ข้อมูลที่ส่งต้องเป็นบันทึกข้อความ (ออบเจ็กต์ JSON)';

/**
 * An optional field: left out, or sent as null, it is not given (the service keeps the stored
 * value or fills its default), as the API has always read a null.
 */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === null ? undefined : value), schema.optional());
}

/** The content fields shared by create and edit, each optional (the service fills defaults). */
const memoContentFields = {
  unitLine: optional(memoText('ส่วนราชการ', MEMO_LIMITS.unitLine)),
  addressee: optional(memoText('เรียน', MEMO_LIMITS.addressee)),
  body: optional(memoBodySchema),
  closing: optional(memoText('ข้อความปิดท้าย', MEMO_LIMITS.closing)),
  urgency: optional(z.enum(URGENCIES, { error: 'ชั้นความเร็วไม่ถูกต้อง' })),
  secrecy: optional(z.enum(SECRECIES, { error: 'ชั้นความลับไม่ถูกต้อง' })),
  purpose: optional(z.enum(MEMO_PURPOSES, { error: 'วัตถุประสงค์ไม่ถูกต้อง' })),
  signerPositionId: optional(z.guid({ error: 'ตำแหน่งผู้ลงนามไม่ถูกต้อง' })),
  publish: optional(z.boolean({ error: 'การเผยแพร่ต้องเป็นจริงหรือเท็จ' })),
  oitItem: z
    .string({ error: OIT_ITEM_CODE_MESSAGE })
    .max(MEMO_LIMITS.oitItem, OIT_ITEM_CODE_MESSAGE)
    .regex(OIT_ITEM_CODE, OIT_ITEM_CODE_MESSAGE)
    .nullable()
    .optional(),
  // Null: filed under the fiscal year of the decision.
  publishFiscalYear: z
    .number({ error: FISCAL_YEAR_MESSAGE })
    .int(FISCAL_YEAR_MESSAGE)
    .min(MEMO_LIMITS.fiscalYearMin, FISCAL_YEAR_MESSAGE)
    .max(MEMO_LIMITS.fiscalYearMax, FISCAL_YEAR_MESSAGE)
    .nullable()
    .optional(),
  copies: optional(
    z
      .array(memoCopySchema, { error: 'สำเนาเรียนต้องเป็นรายการ' })
      .max(MEMO_COPIES_MAX, `สำเนาเรียนได้ไม่เกิน ${MEMO_COPIES_MAX} รายการ`),
  ),
};

/** POST /memos and a new draft from the compose page. */
export const createMemoSchema = z.strictObject(
  {
    subject: memoText('เรื่อง', MEMO_LIMITS.subject),
    ...memoContentFields,
  },
  { error: NOT_A_MEMO },
);

/** PATCH /memos/:id: the fields given replace the stored ones; `version` is the one the editor loaded. */
export const updateMemoSchema = z.strictObject(
  {
    version: z.number({ error: 'ต้องระบุเวอร์ชันที่แก้ไข' }).int('ต้องระบุเวอร์ชันที่แก้ไข').min(1, 'ต้องระบุเวอร์ชันที่แก้ไข'),
    subject: optional(memoText('เรื่อง', MEMO_LIMITS.subject)),
    ...memoContentFields,
  },
  { error: NOT_A_MEMO },
);

export type CreateMemoInput = z.infer<typeof createMemoSchema>;
export type UpdateMemoInput = z.infer<typeof updateMemoSchema>;
export type MemoBlockInput = z.infer<typeof memoBlockSchema>;

/** One refused field: its path (`body.2.text`, `subject`) and what is wrong, in Thai. */
export type MemoDraftProblem = SchemaProblem;

/**
 * The schema's issues as the person reads them. A problem inside the body names its section
 * (ส่วนที่ n, counted from one); `sectionOf` maps a block's index in the validated body to the
 * section the writer sees (the web form drops blocks left empty, so its numbering differs).
 */
export function memoDraftProblems(
  error: z.ZodError,
  sectionOf: (index: number) => number = (index) => index + 1,
): MemoDraftProblem[] {
  return schemaProblems(error).map(({ field, message }) => {
    const [head, index] = field.split('.');
    const block = head === 'body' && index !== undefined ? Number(index) : NaN;
    return { field, message: Number.isInteger(block) ? `ส่วนที่ ${sectionOf(block)}: ${message}` : message };
  });
}
