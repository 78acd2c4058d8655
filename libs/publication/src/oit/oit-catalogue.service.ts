import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OitCatalogueItem } from '../entities/oit-catalogue-item.entity';
import { DEFAULT_OIT_CATALOGUE } from './default-oit-catalogue';

export interface OitItem {
  code: string;
  title: string;
}

/** The per-year open-data catalogue of an organisation, falling back to the bundled default. */
@Injectable()
export class OitCatalogueService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forYear(
    organisationId: string,
    fiscalYear: number,
  ): Promise<{ items: OitItem[]; isDefault: boolean }> {
    const rows = await this.db
      .getRepository(OitCatalogueItem)
      .find({ where: { organisationId, fiscalYear }, order: { seq: 'ASC' } });
    if (rows.length === 0) return { items: DEFAULT_OIT_CATALOGUE.map((i) => ({ ...i })), isDefault: true };
    return { items: rows.map((r) => ({ code: r.code, title: r.title })), isDefault: false };
  }

  /** Replaces a year's catalogue in one transaction. */
  async setYear(organisationId: string, fiscalYear: number, items: OitItem[]): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.getRepository(OitCatalogueItem).delete({ organisationId, fiscalYear });
      await m
        .getRepository(OitCatalogueItem)
        .insert(
          items.map((item, seq) => ({ organisationId, fiscalYear, code: item.code, title: item.title, seq })),
        );
    });
  }
}
