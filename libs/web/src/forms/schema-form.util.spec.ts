import type { z } from 'zod';
import { AppException, SchemaPipe } from '@saraban/errors';
import { registerInputSchemas } from '@saraban/register';
import { readSchemaForm } from './schema-form.util';

/** What the API answers for the same body: its first problem, or null when it is accepted. */
function apiRefusal(schema: z.ZodType, body: object): string | null {
  try {
    new SchemaPipe(schema).transform(body);
    return null;
  } catch (err) {
    if (!(err instanceof AppException)) throw err;
    return (err.details as { problems: string[] }[])[0].problems[0];
  }
}

describe('web forms read with the API’s schemas (the register’s)', () => {
  it('trim texts and read numbers typed in Thai digits', () => {
    expect(
      readSchemaForm(registerInputSchemas.setNextNumber, { nextNumber: ' ๙๓๖ ', note: ' ย้ายจากกระดาษ ' }, [
        'nextNumber',
      ]),
    ).toEqual({
      ok: true,
      body: { nextNumber: 936, note: 'ย้ายจากกระดาษ' },
    });
  });

  it.each([
    [registerInputSchemas.cancelEntry, { reason: '   ' }, { reason: '' }],
    [
      registerInputSchemas.registerDocument,
      { fromText: 'ก', toText: 'ข', subject: '' },
      { fromText: 'ก', toText: 'ข', subject: '' },
    ],
    [
      registerInputSchemas.registerDocument,
      { fromText: 'ก'.repeat(501), toText: 'ข', subject: 'ค' },
      { fromText: 'ก'.repeat(501), toText: 'ข', subject: 'ค' },
    ],
    [registerInputSchemas.setNextNumber, { nextNumber: 'สิบ' }, { nextNumber: 'สิบ' }],
    [registerInputSchemas.setNextNumber, { nextNumber: '0' }, { nextNumber: 0 }],
  ] as [z.ZodType, object, object][])(
    'refuse %#: the words the API answers for the same body',
    (schema, posted, asTheApiGetsIt) => {
      const web = readSchemaForm(schema, posted, ['nextNumber']);
      expect(web.ok).toBe(false);
      expect(web.ok ? null : web.problem).toBe(apiRefusal(schema, asTheApiGetsIt));
    },
  );
});
