import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { AppException, ErrorCode } from '@saraban/errors';
import { DocumentRetryService } from '../failures/document-retry.service';
import { DocumentStatusRepository } from './document-status.repository';
import { documentStateOf, documentStatusOf } from './document-status.util';
import {
  DOCUMENT_STATES,
  type DocumentState,
  type DocumentFailureView,
  type DocumentRetryView,
  type DocumentStatusView,
  type OverdueDocumentsView,
} from './document-status.views';

/**
 * What people see of a decided memo's document — on the memo page, the administrator's failure
 * list and the stuck list — always within the caller's organisation.
 */
@Injectable()
export class DocumentStatusService {
  constructor(
    private readonly repository: DocumentStatusRepository,
    private readonly retries: DocumentRetryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The document of the memo's decided version; null while the memo is not decided. */
  async forMemo(organisationId: string, memoId: string): Promise<DocumentStatusView | null> {
    const row = await this.repository.decided(organisationId, memoId);
    return row ? documentStatusOf(row) : null;
  }

  /** This organisation's documents of the memos decided in the last week, by state. */
  async counts(organisationId: string): Promise<Record<DocumentState, number>> {
    const counts = Object.fromEntries(DOCUMENT_STATES.map((s) => [s, 0])) as Record<DocumentState, number>;
    for (const { count, ...facts } of await this.repository.stateFacts(organisationId)) {
      counts[documentStateOf(facts)] += count;
    }
    return counts;
  }

  /** Outstanding failures, latest first, with the technical cause for the administrator. */
  async failures(organisationId: string): Promise<DocumentFailureView[]> {
    const rows = await this.repository.failures(organisationId);
    return rows.map((r) => ({
      ...r,
      next: !r.setAsideAt ? 'retrying' : r.nextRetryAt ? 'automatic_retry' : 'administrator',
    }));
  }

  /** An administrator puts a failed document back to work now; 404 unless the failure is this organisation's. */
  async retry(organisationId: string, memoId: string, memoVersion: number): Promise<DocumentRetryView> {
    if (!(await this.repository.hasFailure(organisationId, memoId, memoVersion))) {
      throw new AppException(ErrorCode.NotFound);
    }
    const outcome = await this.retries.retry({ organisationId, memoId, memoVersion });
    return { memoId, memoVersion, outcome };
  }

  /** Decided memos whose document has not appeared DOCUMENT_OVERDUE_MS after the decision (a week back at most). */
  async overdue(organisationId: string): Promise<OverdueDocumentsView> {
    const overdueAfterMs = this.config.DOCUMENT_OVERDUE_MS;
    const rows = await this.repository.overdue(organisationId, overdueAfterMs);
    return {
      overdueAfterMs,
      items: rows.map((r) => ({
        memoId: r.memoId,
        subject: r.subject,
        documentNo: r.documentNo,
        document: documentStatusOf(r),
      })),
    };
  }
}
