import { Module } from '@nestjs/common';
import { PdfRenderer } from '@saraban/document-render';
import { ApprovalModule } from '@saraban/approval';
import { SessionModule } from '@saraban/auth';
import { CertificatesModule } from '@saraban/certificates';
import { NotificationQueueModule } from '@saraban/notification';
import { PublicationModule } from '@saraban/publication';
import { MemoDocumentAssembler } from './assembly/memo-document.assembler';
import { DocumentQueueService } from './jobs/document-queue.service';
import { OutboxRelayService } from './relay/outbox-relay.service';
import { PipelineReconcilerService } from './relay/pipeline-reconciler.service';
import { DocumentCheckpointReader } from './stages/document-checkpoint.reader';
import { PublishStage } from './stages/publish.stage';
import { RenderStage } from './stages/render.stage';
import { SignStage } from './stages/sign.stage';
import { DocumentJobProcessor } from './worker/document-job.processor';
import { DocumentFailureRepository } from './failures/document-failure.repository';
import { DocumentRetryService } from './failures/document-retry.service';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { pdfRendererProvider } from './worker/pdf-renderer.provider';

/** The worker side: relay the outbox, run each memo version's flow (render → sign → publish). */
@Module({
  // SessionModule: the maintenance scheduler deletes ended sessions.
  // NotificationQueueModule: the relay hands notifiable events to the notification fan-out.
  imports: [ApprovalModule, PublicationModule, CertificatesModule, SessionModule, NotificationQueueModule],
  providers: [
    pdfRendererProvider,
    MemoDocumentAssembler,
    DocumentCheckpointReader,
    RenderStage,
    SignStage,
    PublishStage,
    DocumentQueueService,
    OutboxRelayService,
    PipelineReconcilerService,
    DocumentJobProcessor,
    DocumentFailureRepository,
    DocumentRetryService,
    MaintenanceProcessor,
  ],
  exports: [
    DocumentQueueService,
    OutboxRelayService,
    PipelineReconcilerService,
    MaintenanceProcessor,
    PdfRenderer,
  ],
})
export class PipelineWorkerModule {}
