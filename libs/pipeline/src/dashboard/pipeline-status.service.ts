import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppException, ErrorCode } from '@saraban/errors';
import { documentJobId, type DocumentJobPayload } from '../jobs/document-job';
import { DocumentQueueService } from '../jobs/document-queue.service';
import { DocumentStatusService } from '../status/document-status.service';
import type { DocumentFailureView, DocumentState } from '../status/document-status.views';

export interface FailedJobView {
  id: string;
  name: string;
  memoId: string;
  memoVersion: number;
  attemptsMade: number;
  reason: string;
  failedAt: Date | null;
}

export interface PipelineStatusView {
  /** This organisation's documents of the memos decided in the last week, by state. */
  counts: Record<DocumentState, number>;
  /** This organisation's failed jobs still in the queue. */
  failed: FailedJobView[];
  /** Documents whose flow failed and has not finished since (document_failures). */
  failures: DocumentFailureView[];
}

/**
 * What an administrator sees of the pipeline: their own organisation's only. The queue is shared
 * by every organisation and BullMQ cannot count per organisation without reading every job, so
 * the counts come from the database (the pipeline's checkpoints) and the failed jobs are looked
 * up by their deterministic ids from the organisation's recorded failures. The whole queue is the
 * operator's (the Bull Board).
 */
@Injectable()
export class PipelineStatusService {
  constructor(
    private readonly documents: DocumentQueueService,
    private readonly statuses: DocumentStatusService,
  ) {}

  async status(organisationId: string): Promise<PipelineStatusView> {
    const [counts, failures] = await Promise.all([
      this.statuses.counts(organisationId),
      this.statuses.failures(organisationId),
    ]);
    const jobs = await Promise.all(failures.map((f) => this.documents.queue.getJob(documentJobId(f))));
    const failed: FailedJobView[] = [];
    for (const job of jobs) {
      if (job?.data.organisationId === organisationId && job.failedReason && (await job.isFailed())) {
        failed.push(this.view(job));
      }
    }
    return { counts, failed, failures };
  }

  /** Puts a failed job of the caller's organisation back in the queue. */
  async retry(organisationId: string, jobId: string): Promise<FailedJobView> {
    const job = await this.documents.queue.getJob(jobId);
    if (!job || job.data.organisationId !== organisationId) throw new AppException(ErrorCode.NotFound);
    if (!(await job.isFailed())) throw new AppException(ErrorCode.Conflict, { state: await job.getState() });
    await job.retry('failed');
    return this.view(job);
  }

  private view(job: Job<DocumentJobPayload>): FailedJobView {
    return {
      id: job.id ?? '',
      name: job.name,
      memoId: job.data.memoId,
      memoVersion: job.data.memoVersion,
      attemptsMade: job.attemptsMade,
      reason: job.failedReason,
      failedAt: job.finishedOn ? new Date(job.finishedOn) : null,
    };
  }
}
