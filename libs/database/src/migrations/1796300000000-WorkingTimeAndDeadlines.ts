import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines on Thai working days (issue 13): the organisation's working time as its file states
 * it (office hours, own days off per year, time to act per urgency) and whether away notices wait
 * for the administrator; each waiting step's due and reminder times, with partial indexes for
 * the reminder and escalation sweeps.
 */
export class WorkingTimeAndDeadlines1796300000000 implements MigrationInterface {
  name = 'WorkingTimeAndDeadlines1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" ADD "working_time" jsonb NOT NULL DEFAULT '{}'`);
    await queryRunner.query(
      `ALTER TABLE "organisations" ADD "away_requires_approval" boolean NOT NULL DEFAULT true`,
    );
    await queryRunner.query(`ALTER TABLE "memo_workflows" ADD "due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "memo_workflows" ADD "remind_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "approval_due_idx" ON "memo_workflows" ("due_at", "memo_id") WHERE state = 'review' AND due_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "approval_remind_idx" ON "memo_workflows" ("remind_at", "memo_id") WHERE state = 'review' AND remind_at IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "approval_remind_idx"`);
    await queryRunner.query(`DROP INDEX "approval_due_idx"`);
    await queryRunner.query(`ALTER TABLE "memo_workflows" DROP COLUMN "remind_at"`);
    await queryRunner.query(`ALTER TABLE "memo_workflows" DROP COLUMN "due_at"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "away_requires_approval"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "working_time"`);
  }
}
