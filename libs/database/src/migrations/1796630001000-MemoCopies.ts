import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * สำเนาเรียน: the people and units the writer names to receive the memo for information, kept with
 * the memo's content (and so in its revisions) as [{ kind: 'person' | 'unit', id }]. A GIN index
 * (jsonb_path_ops) answers "memos copied to this person or unit" by containment.
 */
export class MemoCopies1796630001000 implements MigrationInterface {
  name = 'MemoCopies1796630001000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "memos" ADD "copies" jsonb NOT NULL DEFAULT '[]'`);
    await queryRunner.query(`CREATE INDEX memos_copies_idx ON memos USING gin (copies jsonb_path_ops)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX memos_copies_idx`);
    await queryRunner.query(`ALTER TABLE "memos" DROP COLUMN "copies"`);
  }
}
