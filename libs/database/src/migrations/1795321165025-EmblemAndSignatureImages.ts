import { MigrationInterface, QueryRunner } from 'typeorm';

export class EmblemAndSignatureImages1795321165025 implements MigrationInterface {
  name = 'EmblemAndSignatureImages1795321165025';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisations" ADD "emblem_png" bytea`);
    await queryRunner.query(`ALTER TABLE "people" ADD "signature_png" bytea`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "people" DROP COLUMN "signature_png"`);
    await queryRunner.query(`ALTER TABLE "organisations" DROP COLUMN "emblem_png"`);
  }
}
