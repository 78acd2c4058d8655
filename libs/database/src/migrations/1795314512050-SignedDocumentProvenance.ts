import { MigrationInterface, QueryRunner } from 'typeorm';

export class SignedDocumentProvenance1795314512050 implements MigrationInterface {
  name = 'SignedDocumentProvenance1795314512050';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "signed_documents" ADD "subject" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "signed_documents" ADD "document_no" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "signed_documents" ADD "dated_on" date`);
    await queryRunner.query(
      `ALTER TABLE "signed_documents" ADD "approval_chain" jsonb NOT NULL DEFAULT '[]'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "signed_documents" DROP COLUMN "approval_chain"`);
    await queryRunner.query(`ALTER TABLE "signed_documents" DROP COLUMN "dated_on"`);
    await queryRunner.query(`ALTER TABLE "signed_documents" DROP COLUMN "document_no"`);
    await queryRunner.query(`ALTER TABLE "signed_documents" DROP COLUMN "subject"`);
  }
}
