import { z } from 'zod';
import { optionalField, requiredTextField, textField } from '@saraban/errors';

/*
 * What a clerk may send to the register: one schema per input, for the API (SchemaPipe) and the
 * web's register forms alike, so both refuse the same things with the same Thai words. Cleaning
 * what a browser posts (trimming, numbers typed in Thai digits) stays with the web form.
 */

/** The longest text of each register input, in characters. */
export const REGISTER_TEXT_LIMITS = {
  party: 500,
  subject: 1000,
  note: 500,
} as const;

/** The highest next number a register may be set to. */
export const REGISTER_NUMBER_MAX = 2_000_000_000;

export const registerInputSchemas = {
  /** A document that is not a memo (a paper letter): it takes the next number. */
  registerDocument: z.strictObject({
    fromText: requiredTextField('จาก', REGISTER_TEXT_LIMITS.party),
    toText: requiredTextField('ถึง', REGISTER_TEXT_LIMITS.party),
    subject: requiredTextField('เรื่อง', REGISTER_TEXT_LIMITS.subject),
    datedOn: optionalField(z.iso.date({ error: 'ลงวันที่ต้องเป็นวันที่ในรูปแบบ YYYY-MM-DD' })),
    action: optionalField(textField('การปฏิบัติ', REGISTER_TEXT_LIMITS.note)),
    remarks: optionalField(textField('หมายเหตุ', REGISTER_TEXT_LIMITS.note)),
  }),
  /** Cancelling a number: it stays in the register, marked, with the reason. */
  cancelEntry: z.strictObject({
    reason: requiredTextField('เหตุผลที่ยกเลิกเลข', REGISTER_TEXT_LIMITS.note),
  }),
  /** The next number of a year (moving from the paper book mid-year). */
  setNextNumber: z.strictObject({
    nextNumber: z
      .number({ error: 'เลขถัดไปต้องเป็นตัวเลข' })
      .int('เลขถัดไปต้องเป็นจำนวนเต็ม')
      .min(1, 'เลขถัดไปต้องตั้งแต่ 1 ขึ้นไป')
      .max(REGISTER_NUMBER_MAX, `เลขถัดไปต้องไม่เกิน ${REGISTER_NUMBER_MAX}`),
    note: optionalField(textField('เหตุผล', REGISTER_TEXT_LIMITS.note)),
  }),
} as const;

export type RegisterInput<K extends keyof typeof registerInputSchemas> = z.infer<
  (typeof registerInputSchemas)[K]
>;
