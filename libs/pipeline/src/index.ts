export * from './jobs/document-job';
export * from './stages/produce-document.use-case';
export * from './jobs/document-queue.service';
export * from './pipeline-worker.module';
export * from './relay/outbox-relay.service';
export * from './worker/document-job.processor';
export * from './pipeline-api.module';
export * from './relay/pipeline-reconciler.service';
