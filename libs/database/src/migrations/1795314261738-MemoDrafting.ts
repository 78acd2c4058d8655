import { MigrationInterface, QueryRunner } from 'typeorm';

export class MemoDrafting1795314261738 implements MigrationInterface {
  name = 'MemoDrafting1795314261738';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memos" ADD "publish" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "memos" ADD "oit_item" text`);
    await queryRunner.query(`ALTER TABLE "memo_attachments" ADD "page_count" integer`);
    await queryRunner.query(
      `ALTER TABLE "memo_attachments" ADD CONSTRAINT "FK_8910d5c5f6a4290040678e0a518" FOREIGN KEY ("memo_id") REFERENCES "memos"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memo_revisions" ADD CONSTRAINT "FK_7a866f8fe2baa83b403887024d6" FOREIGN KEY ("memo_id") REFERENCES "memos"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memo_revisions" DROP CONSTRAINT "FK_7a866f8fe2baa83b403887024d6"`);
    await queryRunner.query(
      `ALTER TABLE "memo_attachments" DROP CONSTRAINT "FK_8910d5c5f6a4290040678e0a518"`,
    );
    await queryRunner.query(`ALTER TABLE "memo_attachments" DROP COLUMN "page_count"`);
    await queryRunner.query(`ALTER TABLE "memos" DROP COLUMN "oit_item"`);
    await queryRunner.query(`ALTER TABLE "memos" DROP COLUMN "publish"`);
  }
}
