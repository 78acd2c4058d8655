import { z } from 'zod';
import { requiredTextField, textField } from '@saraban/errors';

/*
 * What a sign-in may send: one schema for POST /auth/login (SchemaPipe) and the web's sign-in
 * form, so both refuse the same things with the same Thai words. The web trims the organisation
 * and the user name before (never the password) and answers on the page.
 */

/** The longest of each sign-in field, in characters. */
export const SIGN_IN_LIMITS = {
  organisation: 64,
  username: 128,
  password: 256,
} as const;

export const signInSchema = z.strictObject({
  organisation: requiredTextField('รหัสหน่วยงาน', SIGN_IN_LIMITS.organisation),
  username: requiredTextField('ชื่อผู้ใช้', SIGN_IN_LIMITS.username),
  // A password of spaces is a password: only an empty one is missing.
  password: textField('รหัสผ่าน', SIGN_IN_LIMITS.password).refine((v) => v.length > 0, 'กรุณากรอกรหัสผ่าน'),
});

export type SignInInput = z.infer<typeof signInSchema>;
