import { MigrationInterface, QueryRunner } from 'typeorm';

/** Away and hand-over (issue 13 item 7): a person's away notice, and the acting orders it made. */
export class AwayNotices1796300002000 implements MigrationInterface {
  name = 'AwayNotices1796300002000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "away_notices" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "organisation_id" uuid NOT NULL,
      "person_id" uuid NOT NULL,
      "acting_person_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "from_date" date NOT NULL,
      "to_date" date NOT NULL,
      "note" text,
      "status" text NOT NULL,
      "decided_by_id" uuid,
      "decided_at" TIMESTAMP WITH TIME ZONE,
      "decision_note" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_away_notices" PRIMARY KEY ("id"))`);
    await queryRunner.query(
      `CREATE INDEX "IDX_away_notices_organisation_status" ON "away_notices" ("organisation_id", "status")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_away_notices_person" ON "away_notices" ("person_id")`);
    await queryRunner.query(`ALTER TABLE "acting_orders" ADD "away_notice_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "acting_orders" DROP COLUMN "away_notice_id"`);
    await queryRunner.query(`DROP TABLE "away_notices"`);
  }
}
