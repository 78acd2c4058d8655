import { MigrationInterface, QueryRunner } from 'typeorm';

export class PublicationDocuments1795314460539 implements MigrationInterface {
  name = 'PublicationDocuments1795314460539';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "oit_catalogue_items" ("organisation_id" uuid NOT NULL, "fiscal_year" integer NOT NULL, "code" text NOT NULL, "title" text NOT NULL, "seq" integer NOT NULL, CONSTRAINT "PK_bb62cb6f2b616a9be2dfe56ce10" PRIMARY KEY ("organisation_id", "fiscal_year", "code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "publications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "memo_id" uuid NOT NULL, "memo_version" integer NOT NULL, "document_id" uuid NOT NULL, "fiscal_year" integer NOT NULL, "oit_item" text, "title" text NOT NULL, "document_no" text NOT NULL, "dated_on" date NOT NULL, "order_text" text NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'published', "replaced_by_id" uuid, "withdrawn_at" TIMESTAMP WITH TIME ZONE, "withdraw_reason" text, CONSTRAINT "PK_2c4e732b044e09139d2f1065fae" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d6c8d83e7eec37d0e08a94b1ba" ON "publications"  ("organisation_id", "fiscal_year", "published_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_fd211dc80caa6debb72e1aaad5" ON "publications"  ("memo_id", "memo_version") `,
    );
    await queryRunner.query(
      `CREATE TABLE "signed_documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "memo_id" uuid NOT NULL, "memo_version" integer NOT NULL, "verification_code" text NOT NULL, "stage" text NOT NULL DEFAULT 'rendered', "unsigned_pdf" bytea, "signed_pdf" bytea, "sha256" text, "page_count" integer NOT NULL DEFAULT '0', "signer_subject" text, "rendered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "signed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_8e04bd34fb264395152c95bbb4a" UNIQUE ("verification_code"), CONSTRAINT "PK_2b206e85f339fdac189d730955a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_9968920682226b751f901b8a07" ON "signed_documents"  ("sha256") WHERE sha256 IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_e93479b6a2429fefa8ac164440" ON "signed_documents"  ("memo_id", "memo_version") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_e93479b6a2429fefa8ac164440"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9968920682226b751f901b8a07"`);
    await queryRunner.query(`DROP TABLE "signed_documents"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fd211dc80caa6debb72e1aaad5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d6c8d83e7eec37d0e08a94b1ba"`);
    await queryRunner.query(`DROP TABLE "publications"`);
    await queryRunner.query(`DROP TABLE "oit_catalogue_items"`);
  }
}
