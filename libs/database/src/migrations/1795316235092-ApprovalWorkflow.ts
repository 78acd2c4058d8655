import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApprovalWorkflow1795316235092 implements MigrationInterface {
  name = 'ApprovalWorkflow1795316235092';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "approval_history" ("organisation_id" uuid NOT NULL, "seq" bigint NOT NULL, "memo_id" uuid NOT NULL, "round" integer NOT NULL, "step_seq" integer, "action" text NOT NULL, "actor_id" uuid, "actor_name" text, "capacity" jsonb, "text" text, "order_kind" text, "details" jsonb, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_2311c95a455875879e186a53a09" PRIMARY KEY ("organisation_id", "seq"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_4c827270281068722d55e554e5" ON "approval_history"  ("memo_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "approval_history_heads" ("organisation_id" uuid NOT NULL, "last_seq" bigint NOT NULL, "last_hash" text NOT NULL, "prev_hash" text NOT NULL, CONSTRAINT "PK_7e6465dbbdc7c97250e6b4d66f8" PRIMARY KEY ("organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "status_code" integer, "response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8fe13c1bd9be448927f85cb7030" PRIMARY KEY ("organisation_id", "person_id", "key"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "memo_workflows" ("memo_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "machine_version" integer NOT NULL, "snapshot" jsonb NOT NULL, "route" jsonb NOT NULL, "state" text NOT NULL, "round" integer NOT NULL, "current_seq" integer, "current_position_id" uuid, "author_id" uuid NOT NULL, "subject" text NOT NULL, "document_no" text, "register_entry_id" uuid, "urgency_order" smallint NOT NULL, "waiting_since" TIMESTAMP WITH TIME ZONE NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "version" integer NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_145971e1fa94dd7a996503a6d5a" PRIMARY KEY ("memo_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "type" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "processed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP TABLE "memo_workflows"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP TABLE "approval_history_heads"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4c827270281068722d55e554e5"`);
    await queryRunner.query(`DROP TABLE "approval_history"`);
  }
}
