import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns that hold whole files: the signed and unsigned PDFs, and what users attach. */
const FILE_COLUMNS = [
  ['signed_documents', 'signed_pdf'],
  ['signed_documents', 'unsigned_pdf'],
  ['memo_attachments', 'content'],
] as const;

/**
 * Files are compressed with lz4 instead of PostgreSQL's default pglz when they are stored.
 *
 * A signed PDF is about 90 KB, and every document the pipeline produces is stored once. pglz
 * spent about 1.5 ms of the server's CPU on each (measured: 400 inserts of a 93 KB signed memo
 * took 1.95 ms a row with pglz, 0.45 ms stored uncompressed, 0.45 ms with lz4), a tenth of all
 * the database's work per document (pg_stat_statements over `npm run bench --
 * document-pipeline`: the INSERT into signed_documents averaged 3.7 ms). lz4 also keeps more:
 * the same PDF is 57 KB with lz4 and 62 KB with pglz. Values already stored keep their pglz
 * compression and read as before.
 *
 * A server built without lz4 (`--with-lz4`; Debian's and the official Docker images have it)
 * keeps pglz: the migration notes it and goes on.
 */
export class DocumentsCompressedWithLz41796670000000 implements MigrationInterface {
  name = 'DocumentsCompressedWithLz41796670000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(setCompression('lz4'));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(setCompression('pglz'));
  }
}

function setCompression(method: 'lz4' | 'pglz'): string {
  const statements = FILE_COLUMNS.map(
    ([table, column]) => `ALTER TABLE ${table} ALTER COLUMN ${column} SET COMPRESSION ${method};`,
  ).join('\n        ');
  return `
    DO $$
    BEGIN
        ${statements}
    EXCEPTION WHEN feature_not_supported THEN
      RAISE NOTICE 'this PostgreSQL has no lz4: files stay compressed with pglz';
    END $$`;
}
