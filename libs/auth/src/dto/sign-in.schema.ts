import { z } from 'zod';

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

function field(label: string, max: number) {
  return z
    .string({ error: `${label}ต้องเป็นข้อความ` })
    .min(1, `กรุณากรอก${label}`)
    .max(max, `${label}ยาวเกิน ${max} ตัวอักษร`);
}

export const signInSchema = z.strictObject({
  organisation: field('รหัสหน่วยงาน', SIGN_IN_LIMITS.organisation),
  username: field('ชื่อผู้ใช้', SIGN_IN_LIMITS.username),
  password: field('รหัสผ่าน', SIGN_IN_LIMITS.password),
});

export type SignInInput = z.infer<typeof signInSchema>;
