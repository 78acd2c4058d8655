export * from './memo-attachment.entity';
export * from './memo-revision.entity';
export * from './memo.entity';
