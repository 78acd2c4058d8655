import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How an organisation's memos are printed (issue 15): the public address its pages are served
 * at (the verification link on its memos is built from it; null: the deployment's
 * PUBLIC_BASE_URL), Thai distributed justification of body paragraphs and the continuation
 * word at the foot of pages (both on by default, as typed memos have them).
 */
export class OrganisationPrinting1796100000000 implements MigrationInterface {
  name = 'OrganisationPrinting1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE organisations
        ADD COLUMN public_url text,
        ADD COLUMN print_justify boolean NOT NULL DEFAULT true,
        ADD COLUMN print_continuation_word boolean NOT NULL DEFAULT true`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE organisations
        DROP COLUMN print_continuation_word,
        DROP COLUMN print_justify,
        DROP COLUMN public_url`);
  }
}
