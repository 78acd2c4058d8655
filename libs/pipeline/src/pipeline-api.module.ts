import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { ApprovalModule } from '@saraban/approval';
import { AuthModule } from '@saraban/auth';
import { MemoModule } from '@saraban/memo';
import { OperatorAccessMiddleware } from './dashboard/operator-access.middleware';
import { PipelineAdminController } from './dashboard/pipeline-admin.controller';
import { PipelineStatusService } from './dashboard/pipeline-status.service';
import { DocumentQueueService } from './jobs/document-queue.service';
import { MemoDocumentAssembler } from './assembly/memo-document.assembler';
import { MemoPreviewController } from './preview/memo-preview.controller';
import { PreviewRendererService } from './preview/preview-renderer.service';
import { DocumentFailureRepository } from './failures/document-failure.repository';
import { DocumentRetryService } from './failures/document-retry.service';
import { DocumentStatusRepository } from './status/document-status.repository';
import { DocumentStatusService } from './status/document-status.service';
import { MemoDocumentController } from './status/memo-document.controller';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

/**
 * The API side of the pipeline: where each memo's document stands, the admin status endpoints
 * (this organisation's counts, failures and their retry) and the Bull Board dashboard (every
 * organisation's jobs: the deployment's operator only).
 */
@Module({
  imports: [AuthModule, MemoModule, ApprovalModule],
  controllers: [PipelineAdminController, MemoPreviewController, MemoDocumentController],
  providers: [
    DocumentQueueService,
    PipelineStatusService,
    OperatorAccessMiddleware,
    MemoDocumentAssembler,
    PreviewRendererService,
    DocumentFailureRepository,
    DocumentRetryService,
    DocumentStatusRepository,
    DocumentStatusService,
  ],
  exports: [DocumentQueueService, DocumentStatusService],
})
export class PipelineApiModule implements OnModuleInit {
  constructor(
    private readonly documents: DocumentQueueService,
    private readonly operatorOnly: OperatorAccessMiddleware,
    private readonly http: HttpAdapterHost,
  ) {}

  /** Mounted on Express itself: the board's router needs the mount path stripped from its URLs. */
  onModuleInit(): void {
    const board = new ExpressAdapter();
    board.setBasePath(QUEUE_DASHBOARD_PATH);
    // Read-only: retrying and cleaning go through the audited admin endpoints.
    createBullBoard({
      queues: [new BullMQAdapter(this.documents.queue, { readOnlyMode: true })],
      serverAdapter: board,
    });
    const guard = (req: Request, res: Response, next: NextFunction) =>
      void this.operatorOnly.use(req, res, next).catch(next);
    const router = board.getRouter() as RequestHandler;
    this.http.httpAdapter.getInstance<Express>().use(QUEUE_DASHBOARD_PATH, guard, router);
  }
}
