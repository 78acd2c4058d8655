import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  hasEmblemPng,
  hasSignaturePng,
  setEmblemPng,
  setSignaturePng,
} from './organisation-images.repository';
import { assertPng } from './png-image.util';

/** The images printed on documents: the organisation's emblem and each person's signature. */
@Injectable()
export class OrganisationImagesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async setEmblem(organisationId: string, png: Buffer | undefined | null): Promise<void> {
    const emblemPng = png === null ? null : assertPng(png);
    await setEmblemPng(this.db.manager, organisationId, emblemPng);
  }

  async setSignature(personId: string, png: Buffer | undefined | null): Promise<void> {
    const signaturePng = png === null ? null : assertPng(png);
    await setSignaturePng(this.db.manager, personId, signaturePng);
  }

  hasSignature(personId: string): Promise<boolean> {
    return hasSignaturePng(this.db.manager, personId);
  }

  hasEmblem(organisationId: string): Promise<boolean> {
    return hasEmblemPng(this.db.manager, organisationId);
  }
}
