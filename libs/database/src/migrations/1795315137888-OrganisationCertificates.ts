import { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganisationCertificates1795315137888 implements MigrationInterface {
  name = 'OrganisationCertificates1795315137888';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "organisation_certificates" ("organisation_id" uuid NOT NULL, "sealed" bytea NOT NULL, "subject" text NOT NULL, "fingerprint" text NOT NULL, "valid_from" TIMESTAMP WITH TIME ZONE NOT NULL, "valid_to" TIMESTAMP WITH TIME ZONE NOT NULL, "self_signed" boolean NOT NULL, "installed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ab6f64cf774a68ecf6b55c9665b" PRIMARY KEY ("organisation_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "organisation_certificates"`);
  }
}
