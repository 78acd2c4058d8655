import { z } from 'zod';
import { optionalField, textField } from '@saraban/errors';
import { isSafeText } from '@saraban/memo';
import { ORDER_KINDS } from '../core/order-kind';

/*
 * What the body of each approval command may hold: one schema per command for every input that
 * gives one. The API validates its JSON bodies with them (SchemaPipe) and the web's form posts
 * validate the fields they read with the same schemas (`approvalCommandProblems`), so both
 * refuse the same things with the same Thai words. Cleaning what a browser posts (trimming,
 * the version sent as text) stays with the web form; these schemas only say what is allowed.
 */

/** The longest text each command carries, in characters. */
export const APPROVAL_TEXT_LIMITS = {
  opinion: 4000,
  returnReason: 4000,
  orderText: 4000,
  cancelReason: 2000,
  rerouteNote: 2000,
} as const;

/** The memo version the caller saw (409 when it moved on): optional on every command. */
const version = optionalField(
  z
    .number({ error: 'เวอร์ชันของบันทึกต้องเป็นตัวเลข' })
    .int('เวอร์ชันของบันทึกต้องเป็นจำนวนเต็ม')
    .min(1, 'เวอร์ชันของบันทึกไม่ถูกต้อง'),
);

/** Text a person typed, at most `max` characters, without control characters (lines allowed). */
function typedText(label: string, max: number) {
  return textField(label, max).refine((v) => isSafeText(v, true), `${label}มีอักขระควบคุมที่พิมพ์ไม่ได้ (เช่น NUL)`);
}

/** As typedText, and not blank. */
function requiredText(label: string, max: number) {
  return typedText(label, max).refine((v) => v.trim().length > 0, `กรุณากรอก${label}`);
}

const versioned = z.strictObject({ version });

export const approvalCommandSchemas = {
  submit: versioned,
  withdraw: versioned,
  /** Without an opinion (absent or empty) the endorsement prints the signature alone. */
  endorse: z.strictObject({
    version,
    opinion: optionalField(typedText('ความเห็น', APPROVAL_TEXT_LIMITS.opinion)),
  }),
  return: z.strictObject({ version, reason: requiredText('เหตุผลที่ส่งคืน', APPROVAL_TEXT_LIMITS.returnReason) }),
  /** `custom` is the decision maker's own words: its text is required. */
  decide: z
    .strictObject({
      version,
      order: z.enum(ORDER_KINDS, { error: 'กรุณาเลือกคำสั่ง' }),
      text: optionalField(typedText('ข้อความคำสั่ง', APPROVAL_TEXT_LIMITS.orderText)),
    })
    .refine((b) => b.order !== 'custom' || (b.text ?? '').trim().length > 0, {
      path: ['text'],
      message: 'กรุณาเขียนข้อความคำสั่ง',
    }),
  cancel: z.strictObject({ version, reason: requiredText('เหตุผลที่ยกเลิก', APPROVAL_TEXT_LIMITS.cancelReason) }),
  reroute: z.strictObject({
    version,
    positionId: z.uuid({ error: 'กรุณาเลือกตำแหน่งที่จะรับเรื่อง' }),
    note: requiredText('เหตุผลที่เปลี่ยนผู้พิจารณา', APPROVAL_TEXT_LIMITS.rerouteNote),
  }),
} as const;

export type ApprovalCommandKind = keyof typeof approvalCommandSchemas;
export type ApprovalCommandBody<K extends ApprovalCommandKind> = z.infer<(typeof approvalCommandSchemas)[K]>;
