import { z } from 'zod';
import { ACTING_KINDS, type ActingKind } from '../entities/acting-order.entity';
import { ROLES } from '../entities/person.entity';
import { ACTING_KIND_LABELS, actingKindFromLabel } from '../acting-kind.util';

const code = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'ต้องเป็นอักษรอังกฤษตัวเล็ก ตัวเลข หรือ - (a-z, 0-9, -) ไม่เกิน 63 ตัว');
// Names, titles and phones are one line each; NUL cannot even be stored (an escaped "\0" in YAML makes one).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'ต้องไม่ว่าง')
    .max(max)
    .regex(NO_CONTROL_CHARACTERS, 'ต้องไม่มีอักขระควบคุม (เช่น NUL แท็บ หรือขึ้นบรรทัดใหม่)');
const isoDay = z.iso.date('ต้องเป็นวันที่รูปแบบ YYYY-MM-DD');
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'ต้องเป็นเวลารูปแบบ HH:MM เช่น 08:30');
/** Working time: `{ hours: 4 }` or `{ days: 1 }` (a day is the length of office hours). */
const workingAmount = z.union([
  z.strictObject({ hours: z.number().positive('ต้องมากกว่า 0').max(2000) }),
  z.strictObject({ days: z.number().positive('ต้องมากกว่า 0').max(250) }),
]);

const actingKind = z.string().transform((value, ctx): ActingKind => {
  if ((ACTING_KINDS as readonly string[]).includes(value)) return value as ActingKind;
  const fromThai = actingKindFromLabel(value);
  if (fromThai) return fromThai;
  ctx.addIssue({
    code: 'custom',
    message: `ต้องเป็นหนึ่งใน: ${Object.values(ACTING_KIND_LABELS).join(', ')} (หรือ ${ACTING_KINDS.join(', ')})`,
  });
  return z.NEVER;
});

/** The declarative organisation file (YAML or JSON); documented in docs/organisation-file.md. */
export const organisationFileSchema = z
  .strictObject({
    organisation: z.strictObject({
      code,
      name: text(200),
      registerCode: text(40),
      digits: z.enum(['thai', 'arabic']).default('thai'),
      awayRequiresApproval: z.boolean().default(true),
      /**
       * The address the organisation's public pages are served at (its own domain, or a path of
       * the deployment's); the verification link printed on its memos is built from it.
       */
      publicUrl: z
        .url({ protocol: /^https?$/, error: 'ต้องเป็นที่อยู่เว็บ http:// หรือ https://' })
        .max(300)
        .transform((u) => u.replace(/\/+$/, ''))
        .optional(),
      /** How its memos are typed. */
      printing: z
        .strictObject({
          /** Thai distributed justification of body paragraphs. */
          justify: z.boolean().default(true),
          /** The continuation word at the foot of every page but the last. */
          continuationWord: z.boolean().default(true),
        })
        .default({ justify: true, continuationWord: true }),
    }),
    officeHours: z.strictObject({ start: clock, end: clock }).optional(),
    holidays: z
      .record(
        z.string().regex(/^\d{4}$/, 'ต้องเป็นปี ค.ศ. สี่หลัก เช่น 2026'),
        z.array(z.strictObject({ date: isoDay, name: text(200) })),
      )
      .default({}),
    deadlines: z
      .strictObject({
        most_urgent: workingAmount.optional(),
        very_urgent: workingAmount.optional(),
        urgent: workingAmount.optional(),
        normal: workingAmount.optional(),
        remindBefore: workingAmount.optional(),
      })
      .optional(),
    units: z
      .array(z.strictObject({ code, name: text(300), phone: text(60).optional() }))
      .min(1, 'ต้องมีส่วนราชการอย่างน้อยหนึ่งหน่วย'),
    positions: z.array(
      z.strictObject({
        code,
        title: text(200),
        unit: code.optional(),
        endorsementHeading: text(200).optional(),
      }),
    ),
    people: z.array(
      z.strictObject({
        username: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, 'ชื่อผู้ใช้ต้องเป็น a-z, 0-9, . _ -'),
        prefix: text(60),
        fullName: text(200),
        unit: code.optional(),
        roles: z.array(z.enum(ROLES as [string, ...string[]])).default(['officer']),
        positions: z.array(code).default([]),
        password: z.string().min(8, 'รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร').max(256).optional(),
        active: z.boolean().default(true),
      }),
    ),
    chains: z
      .array(z.strictObject({ unit: code, steps: z.array(code).min(1, 'ต้องมีอย่างน้อยหนึ่งขั้น').max(10) }))
      .default([]),
    actingOrders: z
      .array(
        z.strictObject({
          person: z.string(),
          position: code,
          kind: actingKind,
          from: isoDay,
          to: isoDay.optional(),
          reference: text(300),
        }),
      )
      .default([]),
  })
  .superRefine((file, ctx) => {
    const unique = (
      items: { code?: string; username?: string }[],
      key: 'code' | 'username',
      path: string,
    ) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        const value = item[key];
        if (value === undefined) return;
        if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [path, i, key], message: `ซ้ำ: ${value}` });
        seen.add(value);
      });
    };
    unique(file.units, 'code', 'units');
    unique(file.positions, 'code', 'positions');
    unique(file.people, 'username', 'people');

    const units = new Set(file.units.map((u) => u.code));
    const positions = new Set(file.positions.map((p) => p.code));
    const people = new Set(file.people.map((p) => p.username));
    const mustExist = (
      set: Set<string>,
      value: string | undefined,
      path: (string | number)[],
      what: string,
    ) => {
      if (value !== undefined && !set.has(value)) {
        ctx.addIssue({ code: 'custom', path, message: `ไม่พบ${what} "${value}" ในไฟล์` });
      }
    };
    file.positions.forEach((p, i) => mustExist(units, p.unit, ['positions', i, 'unit'], 'ส่วนราชการ'));
    file.people.forEach((p, i) => {
      mustExist(units, p.unit, ['people', i, 'unit'], 'ส่วนราชการ');
      p.positions.forEach((code, j) => mustExist(positions, code, ['people', i, 'positions', j], 'ตำแหน่ง'));
    });
    const chainUnits = new Set<string>();
    file.chains.forEach((c, i) => {
      mustExist(units, c.unit, ['chains', i, 'unit'], 'ส่วนราชการ');
      if (chainUnits.has(c.unit))
        ctx.addIssue({ code: 'custom', path: ['chains', i, 'unit'], message: `ซ้ำ: ${c.unit}` });
      chainUnits.add(c.unit);
      c.steps.forEach((code, j) => mustExist(positions, code, ['chains', i, 'steps', j], 'ตำแหน่ง'));
    });
    if (file.officeHours && file.officeHours.start >= file.officeHours.end) {
      ctx.addIssue({ code: 'custom', path: ['officeHours', 'end'], message: 'เวลาเลิกงานต้องหลังเวลาเริ่มงาน' });
    }
    for (const [year, days] of Object.entries(file.holidays)) {
      const seen = new Set<string>();
      days.forEach((d, i) => {
        if (!d.date.startsWith(`${year}-`)) {
          ctx.addIssue({
            code: 'custom',
            path: ['holidays', year, i, 'date'],
            message: `ต้องเป็นวันในปี ${year}`,
          });
        }
        if (seen.has(d.date))
          ctx.addIssue({ code: 'custom', path: ['holidays', year, i, 'date'], message: `ซ้ำ: ${d.date}` });
        seen.add(d.date);
      });
    }
    file.actingOrders.forEach((o, i) => {
      mustExist(people, o.person, ['actingOrders', i, 'person'], 'บุคคล');
      mustExist(positions, o.position, ['actingOrders', i, 'position'], 'ตำแหน่ง');
      if (o.to !== undefined && o.to < o.from) {
        ctx.addIssue({ code: 'custom', path: ['actingOrders', i, 'to'], message: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่ม' });
      }
    });
  });

export type OrganisationFile = z.infer<typeof organisationFileSchema>;
