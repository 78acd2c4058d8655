import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException, ErrorCode } from '@saraban/errors';
import { findOrganisationSummaryByCode, type OrganisationSummary } from '@saraban/organisation';
import { fiscalYearOf } from '@saraban/thai-format';
import { Publication } from './entities/publication.entity';
import { SignedDocument } from './entities/signed-document.entity';
import type { PublicListing, PublicationView } from './public-listing';
import {
  insertPublication,
  listedPublications,
  publicationView,
  publishedFiscalYears,
  replaceOlderPublications,
} from './publication.repository';

export interface PublishInput {
  organisationId: string;
  memoId: string;
  memoVersion: number;
  documentId: string;
  title: string;
  documentNo: string;
  datedOn: string;
  orderText: string;
  oitItem: string | null;
  /** The fiscal year (พ.ศ.) it is filed under; without one, that of `datedOn`. */
  fiscalYear?: number | null;
  at: Date;
}

/** Puts signed documents on the public portal; each memo version is published at most once. */
@Injectable()
export class PublicationService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Idempotent: a retried or duplicated publish job finds the row of its first run. A newer
   * version of the same memo replaces the older publication, which stays visible as history.
   */
  async publish(
    m: EntityManager,
    input: PublishInput,
  ): Promise<{ publication: PublicationView; created: boolean }> {
    const created = await insertPublication(m, {
      ...input,
      fiscalYear: input.fiscalYear ?? fiscalYearOf(new Date(`${input.datedOn}T12:00:00+07:00`)),
    });
    const publication = await m
      .getRepository(Publication)
      .findOneOrFail({ where: { memoId: input.memoId, memoVersion: input.memoVersion } });
    if (created) await replaceOlderPublications(m, input.memoId, input.memoVersion, publication.id);
    return { publication: publicationView(publication), created };
  }

  async withdraw(organisationId: string, publicationId: string, reason: string): Promise<PublicationView> {
    const repo = this.db.getRepository(Publication);
    const publication = await repo.findOne({ where: { id: publicationId, organisationId } });
    if (!publication) throw new AppException(ErrorCode.NotFound);
    if (publication.status !== 'published')
      throw new AppException(ErrorCode.Conflict, { status: publication.status });
    await repo.update(
      { id: publicationId },
      { status: 'withdrawn', withdrawnAt: new Date(), withdrawReason: reason },
    );
    return publicationView(await repo.findOneOrFail({ where: { id: publicationId } }));
  }

  async organisationByCode(code: string): Promise<OrganisationSummary> {
    const org = await findOrganisationSummaryByCode(this.db.manager, code);
    if (!org) throw new AppException(ErrorCode.NotFound);
    return org;
  }

  /** Everything the portal lists, withdrawn and replaced documents included (marked as such). */
  async listPublic(
    orgCode: string,
    filter: { fiscalYear?: number; oitItem?: string },
  ): Promise<PublicListing> {
    const org = await this.organisationByCode(orgCode);
    return {
      organisation: { code: org.code, name: org.name },
      fiscalYear: filter.fiscalYear ?? null,
      oitItem: filter.oitItem ?? null,
      items: await listedPublications(this.db.manager, org.id, filter),
    };
  }

  async fiscalYears(orgCode: string): Promise<number[]> {
    const org = await this.organisationByCode(orgCode);
    return publishedFiscalYears(this.db.manager, org.id);
  }

  async getPublic(
    orgCode: string,
    publicationId: string,
  ): Promise<{ publication: PublicationView; history: PublicationView[] }> {
    const org = await this.organisationByCode(orgCode);
    const publication = await this.db
      .getRepository(Publication)
      .findOne({ where: { id: publicationId, organisationId: org.id } });
    if (!publication) throw new AppException(ErrorCode.NotFound);
    const history = await this.db.getRepository(Publication).find({
      where: { memoId: publication.memoId, organisationId: org.id },
      order: { memoVersion: 'DESC' },
    });
    return { publication: publicationView(publication), history: history.map(publicationView) };
  }

  /** The signed PDF of a published document (withdrawn ones stay downloadable as history). */
  async publicPdf(orgCode: string, publicationId: string): Promise<{ pdf: Buffer; filename: string }> {
    const { publication } = await this.getPublic(orgCode, publicationId);
    const doc = await this.db
      .getRepository(SignedDocument)
      .createQueryBuilder('d')
      .addSelect('d.signedPdf')
      .where('d.id = :id', { id: publication.documentId })
      .getOne();
    if (!doc?.signedPdf) throw new AppException(ErrorCode.NotFound);
    return { pdf: doc.signedPdf, filename: `memo-${publication.id}.pdf` };
  }
}
