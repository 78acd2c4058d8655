import type { JobsOptions } from 'bullmq';

/** The one queue of the document pipeline. */
export const DOCUMENT_QUEUE = 'documents';

/**
 * The jobs of a memo version's flow, in the order they run: render → sign → publish. BullMQ
 * runs children before their parent, so publish is the root, sign its child and render the
 * leaf (see documentFlow). Each stage reads and writes its checkpoint in the database, so a
 * retried, duplicated or re-enqueued job does only what is still missing.
 */
export enum DocumentJob {
  Render = 'render',
  Sign = 'sign',
  Publish = 'publish',
}

/** Every job of the flow carries the same payload: which memo version to turn into a document. */
export interface DocumentJobPayload {
  organisationId: string;
  memoId: string;
  memoVersion: number;
}

/**
 * Deterministic: the same memo version always gets the same job ids, so a relay that runs twice
 * (or a retried enqueue) cannot start a second flow for it. BullMQ forbids ":" in custom ids.
 */
export function documentJobId(
  job: DocumentJob,
  payload: Pick<DocumentJobPayload, 'memoId' | 'memoVersion'>,
): string {
  return `${job}.${payload.memoId}.v${payload.memoVersion}`;
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
