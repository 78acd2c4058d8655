export * from './create-logger.util';
export * from './request-logging.middleware';
