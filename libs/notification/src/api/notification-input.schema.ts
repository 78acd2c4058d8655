import { z } from 'zod';
import { optionalField } from '@saraban/errors';
import { WEBHOOK_EVENT_TYPES } from '../events/notifiable-event';
import { NotificationKind } from '../events/notification-kind';

/*
 * What a person or an administrator may send to the notification settings: one schema per
 * input, for the API (SchemaPipe) and the web's settings forms alike (readSchemaForm, after the
 * form's checkboxes are turned into this shape), so both refuse the same things in the same
 * Thai words.
 */

export const NOTIFICATION_INPUT_LIMITS = {
  email: 254,
  lineSecretMin: 16,
  lineSecret: 200,
  lineToken: 2000,
  webhookUrl: 2000,
  webhookDescription: 200,
} as const;

const L = NOTIFICATION_INPUT_LIMITS;

const lineText = (label: string, max: number) =>
  z
    .string({ error: `${label}ต้องเป็นข้อความ` })
    .min(L.lineSecretMin, `Channel secret และ access token ต้องยาวอย่างน้อย ${L.lineSecretMin} ตัวอักษร`)
    .max(max, `${label}ยาวเกิน ${max} ตัวอักษร`);

export const notificationInputSchemas = {
  /** My preferences: where emails go (null: none), digest, quiet hours, and each kind's channels. */
  preferences: z.strictObject({
    email: z
      .union([z.literal(''), z.email({ error: 'อีเมลไม่ถูกต้อง' }).max(L.email, 'อีเมลยาวเกินไป')], {
        error: 'อีเมลไม่ถูกต้อง',
      })
      .nullable(),
    emailDigest: z.boolean({ error: 'ค่าสรุปรายวันต้องเป็นจริงหรือเท็จ' }),
    quietHours: z.boolean({ error: 'ค่าช่วงเวลาเงียบต้องเป็นจริงหรือเท็จ' }),
    channels: z
      .array(
        z.strictObject({
          kind: z.enum(NotificationKind, { error: 'ไม่รู้จักประเภทการแจ้งเตือนนี้' }),
          email: z.boolean({ error: 'ค่าช่องทางอีเมลต้องเป็นจริงหรือเท็จ' }),
          line: z.boolean({ error: 'ค่าช่องทาง LINE ต้องเป็นจริงหรือเท็จ' }),
        }),
      )
      .max(20, 'ประเภทการแจ้งเตือนมากเกินไป'),
  }),
  /** The organisation's LINE Official Account. */
  lineChannel: z.strictObject({
    channelSecret: lineText('Channel secret ', L.lineSecret),
    accessToken: lineText('Access token ', L.lineToken),
  }),
  /** An outgoing webhook: where, which events, and a note for people. */
  webhookSubscription: z.strictObject({
    url: z
      .url({
        protocol: /^https?$/,
        error: 'ใส่ URL ที่ขึ้นต้นด้วย https:// (หรือ http://)',
      })
      .max(L.webhookUrl, `URL ยาวเกิน ${L.webhookUrl} ตัวอักษร`),
    events: z
      .array(z.enum(WEBHOOK_EVENT_TYPES, { error: 'ไม่รู้จักเหตุการณ์นี้' }), { error: 'เลือกอย่างน้อยหนึ่งเหตุการณ์' })
      .min(1, 'เลือกอย่างน้อยหนึ่งเหตุการณ์')
      .max(WEBHOOK_EVENT_TYPES.length, 'เลือกเหตุการณ์ซ้ำ'),
    description: optionalField(
      z
        .string({ error: 'คำอธิบายต้องเป็นข้อความ' })
        .max(L.webhookDescription, `คำอธิบายยาวเกิน ${L.webhookDescription} ตัวอักษร`),
    ),
  }),
  /** Pause (false) or resume (true) a subscription. */
  webhookActive: z.strictObject({ active: z.boolean({ error: 'ค่าต้องเป็นจริงหรือเท็จ' }) }),
} as const;

export type NotificationInput<K extends keyof typeof notificationInputSchemas> = z.infer<
  (typeof notificationInputSchemas)[K]
>;
