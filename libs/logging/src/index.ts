export * from './create-logger.util';
export * from './request-logging.middleware';
export * from './close-on-signals.util';
