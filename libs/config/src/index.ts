export * from './app-config';
export * from './config.exception';
export * from './config.module';
export * from './config.token';
export * from './load-config.util';
