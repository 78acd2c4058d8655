import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One signature or endorsement on the document, as printed. */
export interface ApprovalChainLine {
  role: 'author' | 'endorsement' | 'decision';
  heading: string | null;
  text: string | null;
  name: string;
  positionLines: string[];
  date: string;
}

export type SignedDocumentStage = 'rendered' | 'signed';

/**
 * The PDF of one memo version: rendered first, then signed. One row per (memo, version), so a
 * retried or duplicated job finds its earlier output instead of writing a second one.
 */
@Entity('signed_documents')
@Index(['memoId', 'memoVersion'], { unique: true })
export class SignedDocument {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  organisationId: string;

  @Column({ type: 'uuid' })
  memoId: string;

  @Column({ type: 'int' })
  memoVersion: number;

  /** Printed on the last page with the QR code; the public verification link ends with it. */
  @Column({ type: 'text', unique: true })
  verificationCode: string;

  @Column({ type: 'text', default: 'rendered' })
  stage: SignedDocumentStage;

  @Column({ type: 'bytea', nullable: true, select: false })
  unsignedPdf: Buffer | null;

  @Column({ type: 'bytea', nullable: true, select: false })
  signedPdf: Buffer | null;

  /** SHA-256 (hex) of the signed PDF: what the verification page compares. */
  @Index({ unique: true, where: 'sha256 IS NOT NULL' })
  @Column({ type: 'text', nullable: true })
  sha256: string | null;

  @Column({ type: 'int', default: 0 })
  pageCount: number;

  @Column({ type: 'text', nullable: true })
  signerSubject: string | null;

  /**
   * Who signed, as they were when the sign stage signed (an organisation may be renamed or change
   * its certificate later): what verification shows. Null until signed.
   */
  @Column({ type: 'text', nullable: true })
  organisationName: string | null;

  @Column({ type: 'text', nullable: true })
  organisationCode: string | null;

  /** SHA-256 fingerprint ("AB:CD:…") of the certificate the signature was made with. */
  @Column({ type: 'text', nullable: true })
  certificateFingerprint: string | null;

  /** What the verification page shows, as it was printed: captured at render time. */
  @Column({ type: 'text', default: '' })
  subject: string;

  @Column({ type: 'text', default: '' })
  documentNo: string;

  @Column({ type: 'date', nullable: true })
  datedOn: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  approvalChain: ApprovalChainLine[];

  @CreateDateColumn({ type: 'timestamptz' })
  renderedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  signedAt: Date | null;
}
