import { schemaProblems } from '@saraban/errors';
import { publicationInputSchemas, type OitItem } from '@saraban/publication';
import { fieldsOf, type SchemaForm } from './schema-form.util';

/**
 * The open-data catalogue form: a fiscal year and a textarea with one "code title" a line,
 * read into the items the API takes and checked with its schemas (publicationInputSchemas), a
 * refused item named by its line. Blank lines are passed over; a textarea left empty is
 * refused here (the API's empty list, which brings back the default, has no place on this page).
 */
export function readCatalogueForm(posted: unknown): SchemaForm<{ fiscalYear: number; items: OitItem[] }> {
  const fields = fieldsOf(posted);
  const year = publicationInputSchemas.fiscalYear.safeParse(
    typeof fields.fiscalYear === 'string' ? fields.fiscalYear.trim() : fields.fiscalYear,
  );
  if (!year.success) return { ok: false, problem: schemaProblems(year.error)[0].message };
  const lines = (typeof fields.items === 'string' ? fields.items : '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return { ok: false, problem: 'กรุณากรอกหมวดข้อมูล บรรทัดละหนึ่งหมวด' };
  const items = lines.map((line) => {
    const [code, ...title] = line.split(/\s+/);
    return { code, title: title.join(' ') };
  });
  const parsed = publicationInputSchemas.catalogue.safeParse({ items });
  if (parsed.success) return { ok: true, body: { fiscalYear: year.data, items: parsed.data.items } };
  const issue = parsed.error.issues[0];
  const [field, line] = issue.path;
  const message = schemaProblems(parsed.error)[0].message;
  return {
    ok: false,
    problem: field === 'items' && typeof line === 'number' ? `บรรทัด "${lines[line]}": ${message}` : message,
  };
}
