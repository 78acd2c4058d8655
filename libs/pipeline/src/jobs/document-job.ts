import type { JobsOptions } from 'bullmq';

/** The one queue of the document pipeline. */
export const DOCUMENT_QUEUE = 'documents';

/** The pipeline's jobs, in flow order: render → sign → publish (BullMQ runs children first). */
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
export function documentJobId(job: DocumentJob, payload: DocumentJobPayload): string {
  return `${job}.${payload.memoId}.v${payload.memoVersion}`;
}

export const DOCUMENT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  // Completed jobs are kept a week so a duplicate enqueue still finds them; failed ones stay
  // for an administrator to read and retry.
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: false,
};
