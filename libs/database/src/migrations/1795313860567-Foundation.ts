import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795313860567 implements MigrationInterface {
  name = 'Foundation1795313860567';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "person_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "UQ_abaa9e068cdd390bc5210f79884" UNIQUE ("token_hash"), CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c3942eab830cae599a763e1155" ON "sessions"  ("person_id") `);
    await queryRunner.query(
      `CREATE TABLE "memo_attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "memo_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "kind" text NOT NULL, "title" text NOT NULL, "seq" integer NOT NULL, "filename" text, "content" bytea, "table" jsonb, "size_bytes" integer NOT NULL DEFAULT '0', "sha256" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0141573ce1e25d92e4cf0fc1c30" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c01d5363fcd72ad43aac67b1af" ON "memo_attachments"  ("memo_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "memo_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "memo_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "version" integer NOT NULL, "content" jsonb NOT NULL, "saved_by_id" uuid NOT NULL, "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_afc2afb6e5e14b629528d2742d9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_0ac8ba174dc583bc3bad7a1bbe" ON "memo_revisions"  ("memo_id", "version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "memos" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "author_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "unit_line" text NOT NULL, "subject" text NOT NULL, "addressee" text NOT NULL, "body" jsonb NOT NULL, "closing" text NOT NULL, "urgency" text NOT NULL DEFAULT 'normal', "secrecy" text NOT NULL DEFAULT 'normal', "signer_position_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'draft', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5f005ade603ff6ea114dcacde0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_e8ada86828f2bac87e52a3736a" ON "memos"  ("organisation_id", "author_id", "updated_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "acting_orders" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "person_id" uuid NOT NULL, "position_id" uuid NOT NULL, "kind" text NOT NULL, "from_date" date NOT NULL, "to_date" date, "reference" text NOT NULL, CONSTRAINT "PK_84f975b3cbfa3c2b330da45ca93" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_f5e496095cdce2aff5cff2ac4c" ON "acting_orders"  ("person_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_c88c074740e0a61c701e135f40" ON "acting_orders"  ("organisation_id", "position_id", "from_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "approval_chain_steps" ("unit_id" uuid NOT NULL, "seq" integer NOT NULL, "organisation_id" uuid NOT NULL, "position_id" uuid NOT NULL, CONSTRAINT "PK_43968014ec3f6183838fc3c81f0" PRIMARY KEY ("unit_id", "seq"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "register_code" text NOT NULL, "digits" text NOT NULL DEFAULT 'thai', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_06f3139d67205a125c84f8c6c45" UNIQUE ("code"), CONSTRAINT "PK_7bf54cba378d5b2f1d4c10ef4df" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "person_positions" ("person_id" uuid NOT NULL, "position_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "primary" boolean NOT NULL DEFAULT false, CONSTRAINT "PK_6e15ea2251c8488c3b2ac2c1e9f" PRIMARY KEY ("person_id", "position_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_102a2a2508b74e06ca9de06b87" ON "person_positions"  ("position_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "people" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "username" text NOT NULL, "prefix" text NOT NULL, "full_name" text NOT NULL, "password_hash" text, "roles" text array NOT NULL DEFAULT '{officer}', "unit_id" uuid, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_aa866e71353ee94c6cc51059c5b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_9139db03d4bd45c642780a9f06" ON "people"  ("organisation_id", "username") `,
    );
    await queryRunner.query(
      `CREATE TABLE "positions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "code" text NOT NULL, "title" text NOT NULL, "endorsement_heading" text, "unit_id" uuid, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_17e4e62ccd5749b289ae3fae6f3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_35361f84cb67c10a89c9bc1e30" ON "positions"  ("organisation_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "code" text NOT NULL, "name" text NOT NULL, "phone" text, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_5a8f2f064919b587d93936cb223" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_bb706f5c133b1bacdcfabcaa3f" ON "units"  ("organisation_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "register_counters" ("organisation_id" uuid NOT NULL, "register" text NOT NULL, "year" integer NOT NULL, "next_number" integer NOT NULL, CONSTRAINT "PK_e2a9f64124a2bdc2429908dfbdc" PRIMARY KEY ("organisation_id", "register", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "register_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "register" text NOT NULL, "year" integer NOT NULL, "number" integer NOT NULL, "document_no" text NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "dated_on" date NOT NULL, "from_text" text NOT NULL, "to_text" text NOT NULL, "subject" text NOT NULL, "action" text, "remarks" text, "memo_id" uuid, "issued_by_id" uuid, "status" text NOT NULL DEFAULT 'issued', "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" text, CONSTRAINT "PK_c1de65929d5e015b1374889485c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_dbbb9ee2ee9226dc76841d8b8c" ON "register_entries"  ("memo_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_bd5ad2edd6058124bf8c48db0a" ON "register_entries"  ("organisation_id", "register", "year", "number") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_bd5ad2edd6058124bf8c48db0a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dbbb9ee2ee9226dc76841d8b8c"`);
    await queryRunner.query(`DROP TABLE "register_entries"`);
    await queryRunner.query(`DROP TABLE "register_counters"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bb706f5c133b1bacdcfabcaa3f"`);
    await queryRunner.query(`DROP TABLE "units"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_35361f84cb67c10a89c9bc1e30"`);
    await queryRunner.query(`DROP TABLE "positions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9139db03d4bd45c642780a9f06"`);
    await queryRunner.query(`DROP TABLE "people"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_102a2a2508b74e06ca9de06b87"`);
    await queryRunner.query(`DROP TABLE "person_positions"`);
    await queryRunner.query(`DROP TABLE "organisations"`);
    await queryRunner.query(`DROP TABLE "approval_chain_steps"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c88c074740e0a61c701e135f40"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f5e496095cdce2aff5cff2ac4c"`);
    await queryRunner.query(`DROP TABLE "acting_orders"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e8ada86828f2bac87e52a3736a"`);
    await queryRunner.query(`DROP TABLE "memos"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0ac8ba174dc583bc3bad7a1bbe"`);
    await queryRunner.query(`DROP TABLE "memo_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c01d5363fcd72ad43aac67b1af"`);
    await queryRunner.query(`DROP TABLE "memo_attachments"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c3942eab830cae599a763e1155"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
  }
}
