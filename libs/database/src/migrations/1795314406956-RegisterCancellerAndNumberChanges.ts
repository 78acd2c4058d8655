import { MigrationInterface, QueryRunner } from 'typeorm';

export class RegisterCancellerAndNumberChanges1795314406956 implements MigrationInterface {
  name = 'RegisterCancellerAndNumberChanges1795314406956';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "register_number_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "register" text NOT NULL, "year" integer NOT NULL, "previous_next_number" integer, "next_number" integer NOT NULL, "last_issued_number" integer NOT NULL, "note" text, "changed_by_id" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_19f8aae3a329c960f00f55b873e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_df7f9974cc4232a3c2eba9e91e" ON "register_number_changes"  ("organisation_id", "register", "year", "changed_at") `,
    );
    await queryRunner.query(`ALTER TABLE "register_entries" ADD "cancelled_by_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "register_entries" DROP COLUMN "cancelled_by_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_df7f9974cc4232a3c2eba9e91e"`);
    await queryRunner.query(`DROP TABLE "register_number_changes"`);
  }
}
