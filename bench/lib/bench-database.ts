import globalSetup from '../../test/utils/global-setup';
import { createTestDatabase } from '../../test/utils/test-database';

const INVALID_CATALOG_NAME = '3D000';

function isMissingTemplate(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === INVALID_CATALOG_NAME
  );
}

/**
 * A fresh, migrated database for one benchmark, cloned from the same template the
 * integration tests use (built by the tests' global setup if the migrations changed).
 */
export async function createBenchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const nodeEnv = process.env.NODE_ENV;
  try {
    for (let attempt = 1; ; attempt++) {
      await globalSetup();
      try {
        return await createTestDatabase();
      } catch (error: unknown) {
        // A migration added meanwhile renames the template (and a test run drops the old
        // one): build the new one and clone again.
        if (!isMissingTemplate(error) || attempt === 3) throw error;
      }
    }
  } finally {
    // The global setup marks the process as a test run; a benchmark is not one.
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
