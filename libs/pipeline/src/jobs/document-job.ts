import type { JobsOptions } from 'bullmq';

/** The one queue of the document pipeline. */
export const DOCUMENT_QUEUE = 'documents';

/**
 * The steps of a memo version's document, in the order they run: render → sign → publish.
 * One job runs them all: the print is signed in memory and stored once, already signed, then
 * published. Each step reads its checkpoint in the database first, so a retried, duplicated or
 * re-enqueued job does only what is still missing. (Until 2026-11 each step was a job of a
 * BullMQ flow: three jobs, a stored unsigned print and its read-back per document cost the
 * worker, Redis and PostgreSQL more than signing did; jobs of that shape still in a queue run
 * the whole document too.)
 */
export enum DocumentStep {
  Render = 'render',
  Sign = 'sign',
  Publish = 'publish',
}

/** The job's name: one job per memo version. */
export const DOCUMENT_JOB = 'document';

/** What a document job carries: which memo version to turn into a document. */
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

/**
 * Each job retries `attempts` times (DOCUMENT_JOB_ATTEMPTS, default 5: 1 + 2 + 4 + 8 s of
 * backoff, enough to ride out a renderer being replaced), then gives up: the document is set
 * aside and the reconciler takes it up again later, so it never holds a tab for long.
 */
export const documentJobOptions = (attempts: number): JobsOptions => ({
  attempts,
  backoff: { type: 'exponential', delay: 1000 },
  // Completed jobs are kept a week so a duplicate enqueue still finds them; failed ones stay
  // for an administrator to read and retry.
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: false,
});
