import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { adminQuery, databaseUrl, templateName } from './test-database';

/** Builds the migrated template database once per run (once per migration set, in fact). */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  const name = templateName();
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  let exists: boolean;
  try {
    const res = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    exists = res.rowCount === 1;
    // Leftovers of interrupted runs: test databases older than an hour.
    const stale = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'saraban_t\\_%' OR (datname LIKE 'saraban_tpl_%' AND datname <> $1)`,
      [name],
    );
    for (const row of stale.rows) await client.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
  } finally {
    await client.end();
  }
  if (exists) return;

  const building = `${name}_building`;
  await adminQuery(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${building}`);
  // The real migration CLI, as `npm run migration:run` uses it.
  const root = path.join(__dirname, '../..');
  execFileSync(
    path.join(root, 'node_modules/.bin/tsx'),
    ['--tsconfig', 'tsconfig.json', 'apps/cli/src/migration-run.ts'],
    { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl(building) }, stdio: 'inherit' },
  );
  await adminQuery(`ALTER DATABASE ${building} RENAME TO ${name}`);
}
