import type { DecidedDocumentRow } from './document-status.repository';
import type { DocumentState, DocumentStatusView } from './document-status.views';

/** What decides a document's state: the checkpoints it reached. */
export interface DocumentStateFacts {
  signed: boolean;
  published: boolean;
  /** A failure is recorded and the jobs gave up (set aside). */
  setAside: boolean;
  shouldPublish: boolean;
}

/**
 * The rule, in one place (the status of one memo and the counts per state both use it): a
 * publication means it is done; a failure set aside means the jobs gave up (until the
 * reconciler's retry or an administrator); otherwise it is still being made, signed, or signed
 * and on its way to the portal.
 */
export function documentStateOf(f: DocumentStateFacts): DocumentState {
  if (f.published) return 'published';
  if (f.setAside) return 'failed';
  if (!f.signed) return 'producing';
  return f.shouldPublish ? 'publishing' : 'signed';
}

/** The state of a decided memo's document from its checkpoints, with what people need to see of it. */
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
  const { failureReason: reason, failureLastFailedAt: failedAt, failureAttempts: attempts } = row;
  // A failure row stays until the document is done: set aside (the jobs gave up) or still retrying.
  const failure = reason !== null && failedAt !== null ? { reason, attempts: attempts ?? 0 } : null;
  const state = documentStateOf({
    signed,
    published: Boolean(row.publicationId && row.publicationStatus && row.publishedAt),
    setAside: Boolean(failure && row.failureSetAsideAt),
    shouldPublish: row.shouldPublish,
  });
  switch (state) {
    case 'published':
      return {
        ...status,
        state,
        publication: {
          id: row.publicationId!,
          status: row.publicationStatus!,
          publishedAt: row.publishedAt!,
          portalUrl: `/p/${org}/documents/${row.publicationId}`,
          pdfUrl: `/public/${org}/documents/${row.publicationId}/pdf`,
        },
      };
    case 'failed':
      return {
        ...status,
        state,
        failure: {
          ...failure!,
          failedAt: failedAt!,
          next: row.failureNextRetryAt ? 'automatic_retry' : 'administrator',
          nextRetryAt: row.failureNextRetryAt,
        },
      };
    case 'producing':
    case 'publishing':
      return { ...status, state, retrying: failure };
    case 'signed':
      return { ...status, state };
  }
}
