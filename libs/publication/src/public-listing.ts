import type { PublicationStatus } from './entities/publication.entity';

/**
 * One publication as it is read outside the library (the API's JSON, the portal pages, the
 * publish stage): its columns, in the order the API has always answered them.
 */
export interface PublicationView {
  id: string;
  organisationId: string;
  memoId: string;
  memoVersion: number;
  documentId: string;
  /** ปีงบประมาณ (พ.ศ.) it is filed under. */
  fiscalYear: number;
  oitItem: string | null;
  title: string;
  documentNo: string;
  /** YYYY-MM-DD. */
  datedOn: string;
  /** The executive's order as printed: "อนุมัติ", "ทราบ" … */
  orderText: string;
  publishedAt: Date;
  status: PublicationStatus;
  replacedById: string | null;
  withdrawnAt: Date | null;
  withdrawReason: string | null;
}

/** One document of the portal's listing (and the Atom feed): the publication, then its signed PDF's hash and verification code. */
export interface PublicListingItem extends PublicationView {
  sha256: string | null;
  verificationCode: string;
}

/** What the portal lists for one organisation: newest first, withdrawn and replaced ones marked. */
export interface PublicListing {
  organisation: { code: string; name: string };
  fiscalYear: number | null;
  oitItem: string | null;
  items: PublicListingItem[];
}
