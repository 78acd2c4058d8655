import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An organisation's own open-data (OIT) catalogue for one fiscal year; the numbering changes
 * between years, so it is data, not code. Without rows for a year the bundled default applies.
 */
@Entity('oit_catalogue_items')
export class OitCatalogueItem {
  @PrimaryColumn({ type: 'uuid' })
  organisationId: string;

  @PrimaryColumn({ type: 'int' })
  fiscalYear: number;

  @PrimaryColumn({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'int' })
  seq: number;
}
