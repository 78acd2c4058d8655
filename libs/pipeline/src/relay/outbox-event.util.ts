import type { DocumentJobPayload } from '../jobs/document-job';

/** Outbox events that start a document job: a memo got its decision. */
export const DOCUMENT_FLOW_EVENTS: readonly string[] = ['memo.decided'];

/** The job payload of an event, or null when the event starts no document work. */
export function documentPayloadOf(
  type: string,
  organisationId: string,
  payload: Record<string, unknown>,
): DocumentJobPayload | null {
  if (!DOCUMENT_FLOW_EVENTS.includes(type)) return null;
  const memoId = payload.memoId;
  const memoVersion = payload.memoVersion ?? payload.version;
  if (typeof memoId !== 'string' || typeof memoVersion !== 'number') {
    throw new Error(`outbox event ${type} lacks memoId/memoVersion`);
  }
  return { organisationId, memoId, memoVersion };
}
