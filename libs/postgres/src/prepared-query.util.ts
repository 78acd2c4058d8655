import { createHash } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';

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

/** Statement names by text: named by content, so a changed text is a new statement, never a clash. */
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `saraban_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs `text` as a named prepared statement, which PostgreSQL parses and plans once per
 * connection instead of on every call (TypeORM only sends unnamed statements; for a hot, short
 * statement parsing and planning are most of its cost). With a transaction's manager it runs
 * on that transaction's connection; with a DataSource (or a manager without a connection of its
 * own) on a pooled connection it takes and releases, as `query()` does. Public APIs only: the
 * QueryRunner's `connect()` answers its pg client; TypeORM's driver internals are not touched. Answers the rows, also for
 * INSERT/UPDATE … RETURNING (where TypeORM's `query()` answers [rows, count]).
 *
 * Only for statements whose text is a constant: every distinct text is a statement kept by
 * each connection. PostgreSQL re-plans a prepared statement after a migration, but refuses one
 * whose result columns changed (`SELECT w.*` after a column is added: "cached plan must not
 * change result type") until the connection is new: restart the processes after migrating, as
 * a deploy does.
 */
export async function queryPrepared<T>(
  target: EntityManager | DataSource,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const manager = target instanceof DataSource ? target.manager : target;
  const runner = manager.queryRunner;
  const config = { name: statementName(text), text, values };
  if (manager.dataSource.options.type !== 'postgres') return manager.query<T[]>(text, values);
  if (runner && !runner.isReleased) {
    // QueryRunner.connect() is public: it answers the transaction's own pg client.
    const client: unknown = await runner.connect();
    if (isPreparingClient(client)) return (await client.query(config)).rows as T[];
    return manager.query<T[]>(text, values);
  }
  if (runner) return manager.query<T[]>(text, values);
  // No transaction: a pooled connection of our own, as query() would take one, released after.
  const own = manager.dataSource.createQueryRunner();
  try {
    const client: unknown = await own.connect();
    if (isPreparingClient(client)) return (await client.query(config)).rows as T[];
    return own.query(text, values) as Promise<T[]>;
  } finally {
    await own.release();
  }
}
