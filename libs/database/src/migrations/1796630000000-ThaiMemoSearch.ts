import { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Thai-aware search over memos (issue 14, item 10). One SQL function says what "the same
 * spelling" means, and both the indexed text and the typed query pass through it:
 * - NFC;
 * - zero-width characters removed (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen): Thai has no
 *   spaces between words and editors insert them for line breaking;
 * - sara am typed as nikhahit + sara aa (ํ + า, with a tone mark either before the nikhahit or
 *   between) composed into ำ: NFC leaves them apart (ำ has a compatibility decomposition only);
 * - Thai digits read as Arabic ones, so "๑๒" finds "12" and the other way round.
 * Case is left to ILIKE. Trigram (pg_trgm) GIN indexes on the normalised text of the memo
 * (subject, เรียน, body), of the register number, and of people's names serve LIKE '%…%'.
 */
const ZERO_WIDTH = '\u200b\u200c\u200d\u2060\ufeff\u00ad';

export class ThaiMemoSearch1796630000000 implements MigrationInterface {
  name = 'ThaiMemoSearch1796630000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    // SQL-standard bodies: parsed once here, so no search_path is consulted when an index is built.
    await queryRunner.query(`
      CREATE FUNCTION saraban_search_norm(t text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        RETURN regexp_replace(
          translate(normalize(t, NFC), '๐๑๒๓๔๕๖๗๘๙${ZERO_WIDTH}', '0123456789'),
          'ํ([่้๊๋]?)า', '\\1ำ', 'g')`);
    await queryRunner.query(`
      CREATE FUNCTION memo_search_text(subject text, addressee text, body jsonb) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        BEGIN ATOMIC
          SELECT saraban_search_norm(
            coalesce(subject, '') || ' ' || coalesce(addressee, '') || ' ' || coalesce((
              SELECT string_agg(coalesce(b ->> 'text', (
                       SELECT string_agg(i, ' ')
                         FROM jsonb_array_elements_text(
                                CASE WHEN jsonb_typeof(b -> 'items') = 'array' THEN b -> 'items' ELSE '[]'::jsonb END) i
                     ), ''), ' ')
                FROM jsonb_array_elements(CASE WHEN jsonb_typeof(body) = 'array' THEN body ELSE '[]'::jsonb END) b
            ), ''));
        END`);
    await queryRunner.query(
      `CREATE INDEX memos_search_trgm_idx ON memos USING gin (memo_search_text(subject, addressee, body) gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX approval_number_trgm_idx ON memo_workflows USING gin (saraban_search_norm(document_no) gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX people_name_trgm_idx ON people USING gin (saraban_search_norm(prefix || full_name) gin_trgm_ops)`,
    );
    // "The memos I acted on": one person's entries, latest first.
    await queryRunner.query(
      `CREATE INDEX approval_history_actor_idx ON approval_history (organisation_id, actor_id, occurred_at DESC)
        WHERE actor_id IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX approval_history_actor_idx`);
    await queryRunner.query(`DROP INDEX people_name_trgm_idx`);
    await queryRunner.query(`DROP INDEX approval_number_trgm_idx`);
    await queryRunner.query(`DROP INDEX memos_search_trgm_idx`);
    await queryRunner.query(`DROP FUNCTION memo_search_text(text, text, jsonb)`);
    await queryRunner.query(`DROP FUNCTION saraban_search_norm(text)`);
  }
}
