import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a memo asks of the decision maker: เพื่อทราบ ('information') or เพื่อพิจารณา/อนุมัติ
 * ('decision'). Existing memos become 'decision', the safe reading: no order is offered first.
 */
export class MemoPurpose1796400000000 implements MigrationInterface {
  name = 'MemoPurpose1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memos" ADD "purpose" text NOT NULL DEFAULT 'decision'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memos" DROP COLUMN "purpose"`);
  }
}
