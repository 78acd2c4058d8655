import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reminders and escalations written once per step start, and how far each sweep has looked (issue 13). */
export class DeadlineNotices1796300001000 implements MigrationInterface {
  name = 'DeadlineNotices1796300001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "deadline_notices" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "organisation_id" uuid NOT NULL,
      "memo_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "round" integer NOT NULL,
      "step_seq" integer NOT NULL,
      "position_id" uuid NOT NULL,
      "position_title" text NOT NULL,
      "step_started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "recipient_ids" uuid array NOT NULL,
      "recipient_names" text array NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_deadline_notices" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "deadline_notices_once_idx" ON "deadline_notices" ("memo_id", "step_started_at", "kind")`,
    );
    await queryRunner.query(`CREATE TABLE "deadline_sweeps" (
      "kind" text NOT NULL,
      "swept_to" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_deadline_sweeps" PRIMARY KEY ("kind"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "deadline_sweeps"`);
    await queryRunner.query(`DROP TABLE "deadline_notices"`);
  }
}
