import globalSetup from '../../test/utils/global-setup';
import { createTestDatabase } from '../../test/utils/test-database';

/**
 * A fresh, migrated database for one benchmark, cloned from the same template the
 * integration tests use (built by the tests' global setup if the migrations changed).
 */
export async function createBenchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const nodeEnv = process.env.NODE_ENV;
  await globalSetup();
  // The global setup marks the process as a test run; a benchmark is not one.
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
  return createTestDatabase();
}
