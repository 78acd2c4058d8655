import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fiscal year (พ.ศ.) a memo marked for publication reports on: the portal files it there rather
 * than under the year of its decision (a year's report is decided in the next year). Null: the
 * fiscal year of the decision's date, as before.
 */
export class MemoPublishFiscalYear1796635000000 implements MigrationInterface {
  name = 'MemoPublishFiscalYear1796635000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memos" ADD "publish_fiscal_year" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memos" DROP COLUMN "publish_fiscal_year"`);
  }
}
