import { Module } from '@nestjs/common';
import { ApprovalModule } from '@saraban/approval';
import { CertificatesModule } from '@saraban/certificates';
import { MemoModule } from '@saraban/memo';
import { PublicationModule } from '@saraban/publication';
import { MemoDocumentAssembler } from './assembly/memo-document.assembler';
import { DocumentQueueService } from './jobs/document-queue.service';
import { OutboxRelayService } from './relay/outbox-relay.service';
import { PipelineReconcilerService } from './relay/pipeline-reconciler.service';
import { PublishStage } from './stages/publish.stage';
import { RenderStage } from './stages/render.stage';
import { SignStage } from './stages/sign.stage';
import { DocumentJobProcessor } from './worker/document-job.processor';
import { pdfRendererProvider } from './worker/pdf-renderer.provider';

/** The worker side: relay the outbox, process render → sign → publish. */
@Module({
  imports: [MemoModule, ApprovalModule, PublicationModule, CertificatesModule],
  providers: [
    pdfRendererProvider,
    MemoDocumentAssembler,
    RenderStage,
    SignStage,
    PublishStage,
    DocumentQueueService,
    OutboxRelayService,
    PipelineReconcilerService,
    DocumentJobProcessor,
  ],
  exports: [DocumentQueueService, OutboxRelayService, PipelineReconcilerService],
})
export class PipelineWorkerModule {}
