import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Organisation } from './entities/organisation.entity';
import { Person } from './entities/person.entity';
import { assertPng } from './png-image.util';

/** The images printed on documents: the organisation's emblem and each person's signature. */
@Injectable()
export class OrganisationImagesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async setEmblem(organisationId: string, png: Buffer | undefined | null): Promise<void> {
    const emblemPng = png === null ? null : assertPng(png);
    await this.db.getRepository(Organisation).update({ id: organisationId }, { emblemPng });
  }

  async setSignature(personId: string, png: Buffer | undefined | null): Promise<void> {
    const signaturePng = png === null ? null : assertPng(png);
    await this.db.getRepository(Person).update({ id: personId }, { signaturePng });
  }

  async hasSignature(personId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      'SELECT 1 FROM people WHERE id = $1 AND signature_png IS NOT NULL',
      [personId],
    );
    return rows.length > 0;
  }

  async hasEmblem(organisationId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      'SELECT 1 FROM organisations WHERE id = $1 AND emblem_png IS NOT NULL',
      [organisationId],
    );
    return rows.length > 0;
  }
}
