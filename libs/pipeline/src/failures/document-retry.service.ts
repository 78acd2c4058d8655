import { Injectable } from '@nestjs/common';
import { DocumentQueueService } from '../jobs/document-queue.service';
import type { DocumentJobPayload } from '../jobs/document-job';
import { DocumentFailureRepository } from './document-failure.repository';

/** Puts a set-aside document's flow back to work: the reconciler when its time comes, an administrator at once. */
@Injectable()
export class DocumentRetryService {
  constructor(
    private readonly failures: DocumentFailureRepository,
    private readonly queue: DocumentQueueService,
  ) {}

  async retry(p: DocumentJobPayload): Promise<'added' | 'retried' | 'exists'> {
    await this.failures.markRetrying(p);
    return this.queue.ensureFlow(p);
  }
}
