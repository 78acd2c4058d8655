import type { z } from 'zod';
import { AppException, SchemaPipe } from '@saraban/errors';
import { signInSchema } from '@saraban/auth';
import { attachmentInputSchemas, memoVersionQuerySchema } from '@saraban/memo';
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
      readSchemaForm(
        registerInputSchemas.setNextNumber,
        { nextNumber: ' ๙๓๖ ', note: ' ย้ายจากกระดาษ ' },
        {
          numbers: ['nextNumber'],
        },
      ),
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
      const web = readSchemaForm(schema, posted, { numbers: ['nextNumber'] });
      expect(web.ok).toBe(false);
      expect(web.ok ? null : web.problem).toBe(apiRefusal(schema, asTheApiGetsIt));
    },
  );
});

describe('web forms read with the API’s schemas (sign-in and attachments)', () => {
  it('keep a password and pasted spreadsheet text exactly as typed', () => {
    expect(
      readSchemaForm(
        signInSchema,
        { organisation: ' khampee ', username: ' somchai ', password: ' pass word ' },
        { verbatim: ['password'] },
      ),
    ).toEqual({ ok: true, body: { organisation: 'khampee', username: 'somchai', password: ' pass word ' } });
    expect(
      readSchemaForm(
        attachmentInputSchemas.table,
        { title: ' ตาราง ', tsv: '\tก\n1\t2\n', version: '๓' },
        { numbers: ['version'], verbatim: ['tsv'] },
      ),
    ).toEqual({ ok: true, body: { title: 'ตาราง', tsv: '\tก\n1\t2\n', version: 3 } });
  });

  it.each([
    [signInSchema, { organisation: 'khampee', username: '', password: 'x' }],
    [signInSchema, { organisation: 'k'.repeat(65), username: 'a', password: 'x' }],
    [signInSchema, { organisation: 'khampee', username: 'a', password: 'x', remember: 'on' }],
    [attachmentInputSchemas.pdfUpload, { title: 'ก'.repeat(301) }],
    [attachmentInputSchemas.pdfUpload, { title: 'รายงาน\u0000' }],
    [attachmentInputSchemas.pdfUpload, { title: 'รายงาน', version: '0' }],
    [attachmentInputSchemas.table, { title: 'ตาราง', tsv: '   ' }],
    [attachmentInputSchemas.table, { title: 'ตาราง', tsv: 'ก\u0007\n1' }],
    [attachmentInputSchemas.table, { title: '', tsv: 'ก\tข' }],
    [memoVersionQuerySchema, { version: 'สาม' }],
  ] as [z.ZodType, Record<string, unknown>][])(
    'refuse %#: the words the API answers for the same body',
    (schema, posted) => {
      const web = readSchemaForm(schema, posted, { numbers: ['version'], verbatim: ['password', 'tsv'] });
      expect(web.ok).toBe(false);
      const asTheApiGetsIt = { ...posted };
      if (typeof posted.title === 'string') asTheApiGetsIt.title = posted.title.trim();
      expect(web.ok ? null : web.problem).toBe(apiRefusal(schema, asTheApiGetsIt));
    },
  );
});
