export * from './entities';
export * from './memo-block';
export * from './memo-content';
