import type { DecidedDocumentRow } from './document-status.repository';
import type { DocumentStatusView } from './document-status.views';

/**
 * The state of a decided memo's document from its checkpoints. A publication means it is done;
 * a failure set aside means the jobs gave up (until the reconciler's retry or an administrator);
 * otherwise it is still being made, signed, or signed and on its way to the portal.
 */
export function documentStatusOf(row: DecidedDocumentRow): DocumentStatusView {
  const signed = row.documentStage === 'signed';
  const code = signed ? row.verificationCode : null;
  const org = encodeURIComponent(row.organisationCode);
  const status: DocumentStatusView = {
    state: 'producing',
    memoVersion: row.memoVersion,
    decidedAt: row.decidedAt,
    shouldPublish: row.shouldPublish,
    signedAt: signed ? row.signedAt : null,
    verificationCode: code,
    verifyUrl: code ? `/verify/${encodeURIComponent(code)}` : null,
    publication: null,
    retrying: null,
    failure: null,
  };
  if (row.publicationId && row.publicationStatus && row.publishedAt) {
    return {
      ...status,
      state: 'published',
      publication: {
        id: row.publicationId,
        status: row.publicationStatus,
        publishedAt: row.publishedAt,
        portalUrl: `/p/${org}/documents/${row.publicationId}`,
        pdfUrl: `/public/${org}/documents/${row.publicationId}/pdf`,
      },
    };
  }
  // A failure row stays until the document is done: set aside (the jobs gave up) or still retrying.
  const { failureReason: reason, failureLastFailedAt: failedAt, failureAttempts: attempts } = row;
  const failure = reason !== null && failedAt !== null ? { reason, attempts: attempts ?? 0 } : null;
  if (failure && failedAt && row.failureSetAsideAt) {
    return {
      ...status,
      state: 'failed',
      failure: {
        ...failure,
        failedAt,
        next: row.failureNextRetryAt ? 'automatic_retry' : 'administrator',
        nextRetryAt: row.failureNextRetryAt,
      },
    };
  }
  if (!signed) return { ...status, state: 'producing', retrying: failure };
  if (row.shouldPublish) return { ...status, state: 'publishing', retrying: failure };
  return { ...status, state: 'signed' };
}
