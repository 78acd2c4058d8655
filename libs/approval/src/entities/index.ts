export * from './approval-history-entry.entity';
export * from './approval-history-head.entity';
export * from './idempotency-key.entity';
export * from './memo-workflow.entity';
