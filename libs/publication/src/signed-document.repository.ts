import type { EntityManager } from 'typeorm';
import { organisationIdentitySql } from '@saraban/organisation';
import type { ApprovalChainLine, SignedDocumentStage } from './entities/signed-document.entity';

/*
 * The signed documents' statements the document pipeline runs (its checkpoints): the sign
 * step stores the signed document, and a retried job reads how far a memo version got. The pipeline calls these; it never names the tables.
 */

/** Which memo version (and whose). */
export interface DocumentVersionKey {
  organisationId: string;
  memoId: string;
  memoVersion: number;
}

/** How far a memo version got: its document row and its publication, if any. */
export interface DocumentCheckpointRow {
  id: string;
  stage: SignedDocumentStage;
  sha256: string | null;
  subject: string;
  document_no: string;
  dated_on: string | null;
  approval_chain: ApprovalChainLine[];
  publication_id: string | null;
}

/** The version's document with its publication id, in one statement; null before the render stored it. */
export async function readDocumentCheckpoint(
  manager: EntityManager,
  k: DocumentVersionKey,
): Promise<DocumentCheckpointRow | null> {
  const rows = await manager.query<DocumentCheckpointRow[]>(
    `SELECT d.id, d.stage, d.sha256, d.subject, d.document_no, d.dated_on::text AS dated_on, d.approval_chain,
            p.id AS publication_id
       FROM signed_documents d
       LEFT JOIN publications p ON p.memo_id = d.memo_id AND p.memo_version = d.memo_version
      WHERE d.memo_id = $1 AND d.memo_version = $2 AND d.organisation_id = $3`,
    [k.memoId, k.memoVersion, k.organisationId],
  );
  return rows[0] ?? null;
}

/** The unsigned print a render stored, while it waits for its signature. */
export async function readUnsignedPdf(
  manager: EntityManager,
  organisationId: string,
  documentId: string,
): Promise<Buffer | null> {
  const rows = await manager.query<{ unsigned_pdf: Buffer | null }[]>(
    'SELECT unsigned_pdf FROM signed_documents WHERE id = $1 AND organisation_id = $2',
    [documentId, organisationId],
  );
  return rows[0]?.unsigned_pdf ?? null;
}

/**
 * Stores a version's signed document with what is printed on it and who signed (the
 * organisation's name and code as they are now, the certificate's subject and fingerprint):
 * verification shows that, whatever the organisation is called later. The first insert wins
 * (two workers may sign the same version after a lapsed lock): answers its id, or null when
 * another got there first.
 */
export async function insertSignedDocument(
  manager: EntityManager,
  k: DocumentVersionKey,
  d: {
    verificationCode: string;
    subject: string;
    documentNo: string;
    datedOn: string;
    chain: ApprovalChainLine[];
    pdf: Buffer;
    sha256: string;
    signedAt: Date;
    signerSubject: string;
    certificateFingerprint: string;
  },
): Promise<string | null> {
  const inserted = await manager.query<{ id: string }[]>(
    `INSERT INTO signed_documents (organisation_id, memo_id, memo_version, verification_code, stage,
                                   subject, document_no, dated_on, approval_chain,
                                   signed_pdf, sha256, signed_at, signer_subject, certificate_fingerprint,
                                   organisation_name, organisation_code)
     SELECT $1, $2, $3, $4, 'signed', $5, $6, $7, $8, $9, $10, $11, $12, $13, o.name, o.code
       FROM (${organisationIdentitySql()}) o WHERE o.id = $1
     ON CONFLICT (memo_id, memo_version) DO NOTHING
     RETURNING id`,
    [
      k.organisationId,
      k.memoId,
      k.memoVersion,
      d.verificationCode,
      d.subject,
      d.documentNo,
      d.datedOn,
      JSON.stringify(d.chain),
      d.pdf,
      d.sha256,
      d.signedAt,
      d.signerSubject,
      d.certificateFingerprint,
    ],
  );
  return inserted[0]?.id ?? null;
}

/**
 * Stores the signature of a print stored unsigned ('rendered', by a worker of the time when
 * rendering and signing were separate jobs), guarded by the stage: of two racing signers only
 * one stores its (equally valid) signature; answers whether this one did. Who signed is kept as they are now
 * (the organisation's name and code, the certificate's fingerprint): verification shows that,
 * whatever the organisation is called later.
 */
export async function storeSignature(
  manager: EntityManager,
  documentId: string,
  s: { pdf: Buffer; sha256: string; signedAt: Date; signerSubject: string; certificateFingerprint: string },
): Promise<boolean> {
  // TypeORM's query() answers [rows, count] for an UPDATE … RETURNING.
  const [updated] = await manager.query<[{ id: string }[], number]>(
    `UPDATE signed_documents d
        SET stage = 'signed', signed_pdf = $2, sha256 = $3, signed_at = $4, signer_subject = $5, unsigned_pdf = NULL,
            organisation_name = o.name, organisation_code = o.code, certificate_fingerprint = $6
       FROM (${organisationIdentitySql()}) o
      WHERE d.id = $1 AND d.stage = 'rendered' AND o.id = d.organisation_id
      RETURNING d.id`,
    [documentId, s.pdf, s.sha256, s.signedAt, s.signerSubject, s.certificateFingerprint],
  );
  return updated.length > 0;
}
