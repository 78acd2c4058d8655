import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The approval library publishes the decision's order as a column of memo_workflows, written
 * with the snapshot by every command, so that the pipeline and the status pages stop reading
 * the saved xstate snapshot's internals. Filled in here from the snapshots already saved.
 */
export class WorkflowDecisionOrder1796500000000 implements MigrationInterface {
  name = 'WorkflowDecisionOrder1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memo_workflows" ADD "decision_order" text`);
    await queryRunner.query(
      `UPDATE "memo_workflows" SET "decision_order" = "snapshot" #>> '{context,decision,order}'
        WHERE "snapshot" #>> '{context,decision,order}' IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memo_workflows" DROP COLUMN "decision_order"`);
  }
}
