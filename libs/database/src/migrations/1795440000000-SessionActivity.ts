import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sessions: last use (idle timeout), and the browser and address a person sees on their sessions page. */
export class SessionActivity1795440000000 implements MigrationInterface {
  name = 'SessionActivity1795440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`ALTER TABLE "sessions" ADD "user_agent" text`);
    await queryRunner.query(`ALTER TABLE "sessions" ADD "address" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "address"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "user_agent"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP COLUMN "last_used_at"`);
  }
}
