import { z } from 'zod';

/*
 * Installing a signing certificate: the text field of the multipart upload (the PKCS#12 file is
 * its own part). One schema for the API (SchemaPipe) and the web's certificate form; the
 * password is taken exactly as typed.
 */

export const CERTIFICATE_PASSWORD_MAX = 256;

export const certificateInputSchemas = {
  install: z.strictObject({
    password: z
      .string({ error: 'รหัสผ่านของไฟล์ใบรับรองต้องเป็นข้อความ' })
      .max(CERTIFICATE_PASSWORD_MAX, `รหัสผ่านของไฟล์ใบรับรองยาวเกิน ${CERTIFICATE_PASSWORD_MAX} ตัวอักษร`)
      .default(''),
  }),
} as const;

export type CertificateInput = z.infer<typeof certificateInputSchemas.install>;
