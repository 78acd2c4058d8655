import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

interface PreparingClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

function isPreparingClient(client: unknown): client is PreparingClient {
  return (
    typeof client === 'object' &&
    client !== null &&
    typeof (client as { query?: unknown }).query === 'function'
  );
}

/**
 * Runs `text` as a named prepared statement on the manager's own connection (so inside its
 * transaction), which PostgreSQL parses and plans once per connection instead of on every
 * call. TypeORM only sends unnamed statements; for a hot statement that is a large share of
 * its cost. Falls back to `manager.query` when the manager has no connection of its own.
 */
export async function queryPrepared<T>(
  manager: EntityManager,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (runner && !runner.isReleased && manager.dataSource.options.type === 'postgres') {
    const client: unknown = await runner.connect();
    if (isPreparingClient(client)) {
      // Named by content: a changed text is a new statement, never a clash with the old one.
      const name = `saraban_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
      return (await client.query({ name, text, values })).rows as T[];
    }
  }
  return manager.query<T[]>(text, values);
}
