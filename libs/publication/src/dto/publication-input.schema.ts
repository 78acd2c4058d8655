import { z } from 'zod';
import { requiredTextField } from '@saraban/errors';
import { OIT_ITEM_CODE, OIT_ITEM_CODE_MESSAGE } from '@saraban/organisation';

/*
 * What an administrator may send to the publication settings: one schema per input, for the API
 * (SchemaPipe) and the web's catalogue form alike, so both refuse the same things with the same
 * Thai words. Reading the web's textarea ("code title" a line) stays with the web form.
 */

export const PUBLICATION_LIMITS = {
  /** Items in one fiscal year's open-data catalogue. */
  catalogueItems: 200,
  catalogueTitle: 300,
  withdrawReason: 1000,
  /** The fiscal years (พ.ศ.) a catalogue may be kept for: from the 2484 calendar reform on. */
  fiscalYearMin: 2484,
  fiscalYearMax: 2800,
} as const;

const FISCAL_YEAR_MESSAGE = `ปีงบประมาณต้องเป็นปี พ.ศ. ${PUBLICATION_LIMITS.fiscalYearMin}–${PUBLICATION_LIMITS.fiscalYearMax}`;

const oitItem = z.strictObject(
  {
    code: z.string({ error: OIT_ITEM_CODE_MESSAGE }).regex(OIT_ITEM_CODE, OIT_ITEM_CODE_MESSAGE),
    title: requiredTextField('ชื่อหมวด', PUBLICATION_LIMITS.catalogueTitle),
  },
  { error: 'หมวดข้อมูลแต่ละรายการต้องมีรหัสและชื่อ' },
);

export const publicationInputSchemas = {
  /**
   * A fiscal year's open-data (OIT) catalogue, in the order it is listed; each code once (the
   * code names the item). An empty list brings back the default catalogue.
   */
  catalogue: z.strictObject({
    items: z
      .array(oitItem, { error: 'หมวดข้อมูล (items) ต้องเป็นรายการ' })
      .max(PUBLICATION_LIMITS.catalogueItems, `หมวดข้อมูลมีได้ไม่เกิน ${PUBLICATION_LIMITS.catalogueItems} หมวด`)
      .superRefine((items, ctx) => {
        const seen = new Set<string>();
        items.forEach((item, i) => {
          if (seen.has(item.code)) {
            ctx.addIssue({ code: 'custom', path: [i, 'code'], message: `รหัสหมวด ${item.code} ซ้ำกัน` });
          }
          seen.add(item.code);
        });
      }),
  }),
  /** Withdrawing a published document: it stays listed as withdrawn, with the reason. */
  withdraw: z.strictObject({
    reason: requiredTextField('เหตุผลที่ถอน', PUBLICATION_LIMITS.withdrawReason),
  }),
  /** The fiscal year of a catalogue, as a path or form field: four digits, read as a number. */
  fiscalYear: z.preprocess(
    (value) => (typeof value === 'string' && /^\d{4}$/.test(value) ? Number(value) : value),
    z
      .number({ error: FISCAL_YEAR_MESSAGE })
      .int(FISCAL_YEAR_MESSAGE)
      .min(PUBLICATION_LIMITS.fiscalYearMin, FISCAL_YEAR_MESSAGE)
      .max(PUBLICATION_LIMITS.fiscalYearMax, FISCAL_YEAR_MESSAGE),
  ),
} as const;

export type PublicationInput<K extends keyof typeof publicationInputSchemas> = z.infer<
  (typeof publicationInputSchemas)[K]
>;
