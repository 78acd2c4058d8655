import { MigrationInterface, QueryRunner } from 'typeorm';

export class DocumentFailures1795400000000 implements MigrationInterface {
  name = 'DocumentFailures1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "document_failures" ("memo_id" uuid NOT NULL, "memo_version" integer NOT NULL, "organisation_id" uuid NOT NULL, "stage" text NOT NULL, "error_code" text NOT NULL, "reason" text NOT NULL, "cause" text NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "set_aside_count" integer NOT NULL DEFAULT '0', "set_aside_at" TIMESTAMP WITH TIME ZONE, "next_retry_at" TIMESTAMP WITH TIME ZONE, "first_failed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_failed_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "document_failures_pkey" PRIMARY KEY ("memo_id", "memo_version"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "document_failures_org_idx" ON "document_failures" ("organisation_id", "last_failed_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."document_failures_org_idx"`);
    await queryRunner.query(`DROP TABLE "document_failures"`);
  }
}
