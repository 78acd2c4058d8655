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
  try {
    // Several jest processes may start at once: one builds, the others wait for it.
    await client.query('SELECT pg_advisory_lock(4242001)');
    const res = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (res.rowCount === 1) return;
    // Templates of other migration sets belong to other checkouts (git worktrees) running
    // their own suites at the same time; only a CI run, alone on its machine, clears them.
    const stale = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'saraban\\_tpl\\_%' AND datname <> $1`,
      [name],
    );
    // Not FORCE: another run may be cloning from it; it goes next time.
    if (process.env.CI === 'true')
      for (const row of stale.rows)
        await client.query(`DROP DATABASE IF EXISTS ${row.datname}`).catch(() => undefined);
    await buildTemplate(name);
  } finally {
    await client.query('SELECT pg_advisory_unlock(4242001)').catch(() => undefined);
    await client.end();
  }
}

async function buildTemplate(name: string): Promise<void> {
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
