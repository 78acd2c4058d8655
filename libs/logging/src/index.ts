export * from './logging.module';
export { useRequestLogging } from './http-logging';
export { runWithLogContext } from './log-context';
export { REQUEST_ID_HEADER, requestIdFrom } from './logger-options';
export * from './close-on-signals.util';
