import type { FlowJob } from 'bullmq';
import {
  documentJobOptions,
  DOCUMENT_QUEUE,
  DocumentJob,
  documentJobId,
  type DocumentJobPayload,
} from './document-job';

/** render → sign → publish as one BullMQ flow: a parent runs when its child has completed. */
export function documentFlow(payload: DocumentJobPayload, prefix: string, attempts: number): FlowJob {
  const job = (name: DocumentJob, children?: FlowJob[]): FlowJob => ({
    name,
    queueName: DOCUMENT_QUEUE,
    prefix,
    data: payload,
    opts: { ...documentJobOptions(attempts), jobId: documentJobId(name, payload) },
    children,
  });
  return job(DocumentJob.Publish, [job(DocumentJob.Sign, [job(DocumentJob.Render)])]);
}
