import { DataSource } from 'typeorm';
import { createWorld, type World } from './factories';
import { createTestApp, type TestApp } from './test-app';

/**
 * The test app with one fresh world in its database; `listen` also opens it on a loopback port
 * (tests that speak HTTP from a chosen client address).
 */
export async function startAppWithWorld(
  o: { listen?: boolean } = {},
): Promise<{ t: TestApp; db: DataSource; w: World }> {
  const t = await createTestApp();
  if (o.listen) await t.app.listen(0, '127.0.0.1');
  const db = t.app.get(DataSource);
  return { t, db, w: await createWorld(db) };
}
