import type { JobsOptions } from 'bullmq';

/** The one queue of the document pipeline. */
export const DOCUMENT_QUEUE = 'documents';

/**
 * The one job per memo version: print, sign, store and publish. It used to be a BullMQ flow of
 * three jobs (render → sign → publish); each hop cost Redis round trips, a trip through the
 * queue and a re-read of the PDF, for no gain in safety — the stages are checkpointed in the
 * database (see ProduceDocumentUseCase), so a retried job resumes where the last one stopped.
 */
export const DOCUMENT_JOB = 'document';

/** What to turn into a document: one version of one memo. */
export interface DocumentJobPayload {
  organisationId: string;
  memoId: string;
  memoVersion: number;
}

/**
 * Deterministic: the same memo version always gets the same job id, so a relay that runs twice
 * (or a retried enqueue) cannot start a second job for it. BullMQ forbids ":" in custom ids.
 */
export function documentJobId(payload: Pick<DocumentJobPayload, 'memoId' | 'memoVersion'>): string {
  return `${DOCUMENT_JOB}.${payload.memoId}.v${payload.memoVersion}`;
}

export const DOCUMENT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  // Completed jobs are kept a week so a duplicate enqueue still finds them; failed ones stay
  // for an administrator to read and retry.
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: false,
};
