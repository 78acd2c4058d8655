export * from './app-exception.filter';
export * from './app.exception';
export * from './error-body';
export * from './error-code';
export * from './schema.pipe';
