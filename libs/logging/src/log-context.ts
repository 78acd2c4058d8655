import type { Logger as PinoLogger } from 'pino';
import { Store, storage } from 'nestjs-pino/storage';

let rootLogger: PinoLogger | undefined;

/** Set by LoggingModule: the logger contexts outside any request or job derive from. */
export function setRootLogger(logger: PinoLogger): void {
  rootLogger = logger;
}

/**
 * Runs `fn` so that every Nest `Logger` call made inside it, across awaits, carries `bindings`
 * (jobId, memoId, organisationId …) in its line: nestjs-pino's own async storage, as the API's
 * `reqId`. Nested calls add to the bindings around them. Without a LoggingModule in the process
 * (nothing to bind to) `fn` simply runs.
 */
export function runWithLogContext<T>(bindings: Record<string, unknown>, fn: () => Promise<T>): Promise<T> {
  const parent = storage.getStore()?.logger ?? rootLogger;
  if (!parent) return fn();
  return storage.run(new Store(parent.child(bindings)), fn);
}
