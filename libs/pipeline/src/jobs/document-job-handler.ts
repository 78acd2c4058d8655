import type { DocumentJob, DocumentJobPayload } from './document-job';

/** One use case per job name; the processor only dispatches. */
export type DocumentJobHandlers = Record<DocumentJob, (payload: DocumentJobPayload) => Promise<unknown>>;
