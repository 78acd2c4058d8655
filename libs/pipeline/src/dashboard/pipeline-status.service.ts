import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppException, ErrorCode } from '@saraban/errors';
import type { DocumentJobPayload } from '../jobs/document-job';
import { DocumentQueueService } from '../jobs/document-queue.service';
import { DocumentStatusService } from '../status/document-status.service';
import type { DocumentFailureView } from '../status/document-status.views';

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
  counts: Record<string, number>;
  /** Failed jobs still in the queue. */
  failed: FailedJobView[];
  /** Documents whose flow failed and has not finished since (document_failures). */
  failures: DocumentFailureView[];
}

/** What an administrator needs to see of the queue for their own organisation. */
@Injectable()
export class PipelineStatusService {
  constructor(
    private readonly documents: DocumentQueueService,
    private readonly statuses: DocumentStatusService,
  ) {}

  async status(organisationId: string): Promise<PipelineStatusView> {
    const counts = await this.documents.queue.getJobCounts(
      'waiting',
      'active',
      'delayed',
      'completed',
      'failed',
    );
    const failed = (await this.documents.queue.getFailed(0, 199))
      .filter((job) => job.data.organisationId === organisationId)
      .map((job) => this.view(job));
    const failures = await this.statuses.failures(organisationId);
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
