import { Module } from '@nestjs/common';
import { ApprovalModule } from '@saraban/approval';
import { CertificatesModule } from '@saraban/certificates';
import { PublicationModule } from '@saraban/publication';
import { MemoDocumentAssembler } from './assembly/memo-document.assembler';
import { DocumentQueueService } from './jobs/document-queue.service';
import { OutboxRelayService } from './relay/outbox-relay.service';
import { PipelineReconcilerService } from './relay/pipeline-reconciler.service';
import { DocumentCheckpointReader } from './stages/document-checkpoint.reader';
import { PrintAndSignStage } from './stages/print-and-sign.stage';
import { ProduceDocumentUseCase } from './stages/produce-document.use-case';
import { StoreDocumentStage } from './stages/store-document.stage';
import { DocumentJobProcessor } from './worker/document-job.processor';
import { pdfRendererProvider } from './worker/pdf-renderer.provider';

/** The worker side: relay the outbox, process each memo version's document job (print, sign, store, publish). */
@Module({
  imports: [ApprovalModule, PublicationModule, CertificatesModule],
  providers: [
    pdfRendererProvider,
    MemoDocumentAssembler,
    DocumentCheckpointReader,
    PrintAndSignStage,
    StoreDocumentStage,
    ProduceDocumentUseCase,
    DocumentQueueService,
    OutboxRelayService,
    PipelineReconcilerService,
    DocumentJobProcessor,
  ],
  exports: [DocumentQueueService, OutboxRelayService, PipelineReconcilerService],
})
export class PipelineWorkerModule {}
