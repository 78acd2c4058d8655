import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The memo's search text in a table of its own (issue 12, the bench within 5 %).
 *
 * ThaiMemoSearch indexed `memo_search_text(subject, addressee, body)` on `memos` itself. Every
 * approval command updates the memo's status, version and updated_at; updated_at is indexed, so
 * the update is never HOT and PostgreSQL recomputed the search text of the whole body and inserted
 * its trigrams into the GIN index on every endorsement (measured: 0.3 ms of the server's CPU per
 * updated memo of a two-paragraph body, against 0.006 ms without that index).
 *
 * Now `memo_search_texts` (owned by the memo library, one row per memo) holds the normalised text,
 * with the trigram index; a trigger keeps it in step, firing only when the subject, เรียน or body
 * is written (UPDATE OF …), so a status change never touches it. The text is still produced by the
 * one function `memo_search_text`, so the typed query and the indexed text cannot drift apart.
 */
export class MemoSearchTexts1796650000000 implements MigrationInterface {
  name = 'MemoSearchTexts1796650000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE memo_search_texts (
        memo_id uuid PRIMARY KEY REFERENCES memos (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL,
        search_text text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE FUNCTION memo_search_texts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO memo_search_texts (memo_id, organisation_id, search_text)
        VALUES (NEW.id, NEW.organisation_id, memo_search_text(NEW.subject, NEW.addressee, NEW.body))
        ON CONFLICT (memo_id) DO UPDATE
          SET organisation_id = EXCLUDED.organisation_id, search_text = EXCLUDED.search_text
          WHERE memo_search_texts.search_text IS DISTINCT FROM EXCLUDED.search_text
             OR memo_search_texts.organisation_id IS DISTINCT FROM EXCLUDED.organisation_id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER memos_search_text_sync
        AFTER INSERT OR UPDATE OF subject, addressee, body, organisation_id ON memos
        FOR EACH ROW EXECUTE FUNCTION memo_search_texts_sync()`);
    await queryRunner.query(`
      INSERT INTO memo_search_texts (memo_id, organisation_id, search_text)
      SELECT id, organisation_id, memo_search_text(subject, addressee, body) FROM memos`);
    await queryRunner.query(
      `CREATE INDEX memo_search_texts_trgm_idx ON memo_search_texts USING gin (search_text gin_trgm_ops)`,
    );
    await queryRunner.query(`CREATE INDEX memo_search_texts_org_idx ON memo_search_texts (organisation_id)`);
    await queryRunner.query(`DROP INDEX memos_search_trgm_idx`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX memos_search_trgm_idx ON memos USING gin (memo_search_text(subject, addressee, body) gin_trgm_ops)`,
    );
    await queryRunner.query(`DROP TRIGGER memos_search_text_sync ON memos`);
    await queryRunner.query(`DROP FUNCTION memo_search_texts_sync()`);
    await queryRunner.query(`DROP TABLE memo_search_texts`);
  }
}
