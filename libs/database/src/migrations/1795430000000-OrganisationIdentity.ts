import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisation identity: names are unique as people read them, and each signed document keeps
 * who signed it as they were then.
 *
 * organisation_name_key is the one definition of "the same name": NFC; zero-width characters
 * (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen) removed; ํ + า (with a tone mark between or
 * not) read as ำ; every run of whitespace (NBSP and the Unicode spaces too) one space, trimmed;
 * lower case. A trigger writes it to organisations.name_key on every insert and update, whatever
 * path writes the name, and a unique index refuses a second organisation with the same key.
 */
export class OrganisationIdentity1795430000000 implements MigrationInterface {
  name = 'OrganisationIdentity1795430000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION organisation_name_key(name text) RETURNS text
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
      RETURN lower(btrim(regexp_replace(
        regexp_replace(
          regexp_replace(normalize(name, NFC), '[\\u00AD\\u200B-\\u200D\\u2060\\uFEFF]', '', 'g'),
          '\\u0E4D([\\u0E48-\\u0E4B]?)\\u0E32', '\\1' || U&'\\0E33', 'g'),
        '[[:space:]\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]+', ' ', 'g')))`);
    await queryRunner.query(`
      CREATE FUNCTION organisations_set_name_key() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.name_key := organisation_name_key(NEW.name);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`ALTER TABLE "organisations" ADD "name_key" text`);
    await queryRunner.query(`UPDATE "organisations" SET "name_key" = organisation_name_key("name")`);
    // A deployment where two organisations already share a name stops here, naming them.
    await queryRunner.query(`
      DO $$
      DECLARE clashes text;
      BEGIN
        SELECT string_agg(codes, '; ') INTO clashes FROM (
          SELECT string_agg(code || ' (' || name || ')', ', ' ORDER BY code) AS codes
            FROM organisations GROUP BY name_key HAVING count(*) > 1) c;
        IF clashes IS NOT NULL THEN
          RAISE EXCEPTION 'organisations share a name: %; rename all but one in its organisation file first', clashes;
        END IF;
      END $$`);
    await queryRunner.query(`ALTER TABLE "organisations" ALTER COLUMN "name_key" SET NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "organisations_name_key_idx" ON "organisations" ("name_key") `,
    );
    await queryRunner.query(`
      CREATE TRIGGER organisations_name_key BEFORE INSERT OR UPDATE ON organisations
        FOR EACH ROW EXECUTE FUNCTION organisations_set_name_key()`);

    await queryRunner.query(`ALTER TABLE "signed_documents" ADD "organisation_name" text`);
    await queryRunner.query(`ALTER TABLE "signed_documents" ADD "organisation_code" text`);
    await queryRunner.query(`ALTER TABLE "signed_documents" ADD "certificate_fingerprint" text`);
    // Documents signed before: the organisation as it is now is the best record there is. Their
    // certificate is not guessed (verification compares with the installed one, as before).
    await queryRunner.query(`
      UPDATE signed_documents d SET organisation_name = o.name, organisation_code = o.code
        FROM organisations o
       WHERE o.id = d.organisation_id AND d.stage = 'signed'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "signed_documents" DROP COLUMN "certificate_fingerprint"`);
    await queryRunner.query(`ALTER TABLE "signed_documents" DROP COLUMN "organisation_code"`);
    await queryRunner.query(`ALTER TABLE "signed_documents" DROP COLUMN "organisation_name"`);
    await queryRunner.query(`DROP TRIGGER organisations_name_key ON organisations`);
    await queryRunner.query(`DROP INDEX "public"."organisations_name_key_idx"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "name_key"`);
    await queryRunner.query(`DROP FUNCTION organisations_set_name_key()`);
    await queryRunner.query(`DROP FUNCTION organisation_name_key(text)`);
  }
}
