import type { DataSource } from 'typeorm';
import { entities, productionSources } from '../architecture/source-scan';
import { openTestDataSource } from '../utils/test-data-source';

describe('migrations', () => {
  let db: DataSource;
  let close: () => Promise<void>;

  beforeAll(async () => ({ db, close } = await openTestDataSource()));
  afterAll(() => close());

  it('entities and migrations agree: migration:generate would produce nothing', async () => {
    expect(await db.showMigrations()).toBe(false);
    const pending = await db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("the data source finds every library's entities by their file name, and nothing else", () => {
    const declared = entities(productionSources());
    expect(declared.filter((e) => !e.file.endsWith('.entity.ts')).map((e) => e.file)).toEqual([]);
    const loaded = db.entityMetadatas.map((m) => `${m.name} ${m.tableName}`).sort();
    expect(loaded).toEqual(declared.map((e) => `${e.name} ${e.table}`).sort());
    expect(loaded.length).toBeGreaterThan(20);
  });

  it('stores whole files (signed PDFs, attachments) compressed with lz4', async () => {
    const methods: { column: string; method: string }[] = await db.query(
      `SELECT c.relname || '.' || a.attname AS column, a.attcompression::text AS method
         FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE (c.relname, a.attname) IN (('signed_documents', 'signed_pdf'), ('signed_documents', 'unsigned_pdf'),
                                         ('memo_attachments', 'content'))
        ORDER BY 1`,
    );
    // 'l' = lz4 (this machine's PostgreSQL is built with it, as Debian's and Docker's are).
    expect(methods).toEqual([
      { column: 'memo_attachments.content', method: 'l' },
      { column: 'signed_documents.signed_pdf', method: 'l' },
      { column: 'signed_documents.unsigned_pdf', method: 'l' },
    ]);
  });
});
