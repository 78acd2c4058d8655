import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

/** Where tests may create databases; a server URL whose database part is ignored. */
export function serverUrl(): string {
  return process.env.DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** The migrated template's name changes whenever a migration file is added, so it is rebuilt. */
export function templateName(): string {
  const dir = path.join(__dirname, '../../libs/database/src/migrations');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  return 'saraban_tpl_' + createHash('sha1').update(files.join('|')).digest('hex').slice(0, 12);
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const TEST_DATABASE_PREFIX = 'saraban_t_';
/** Older than this and nobody connected: left by a run that was killed (no test file runs 6 h). */
const ABANDONED_AFTER_MS = 6 * 60 * 60 * 1000;

/**
 * A test database's name: the prefix, the second it was created (base 36) and a random part,
 * so that one left behind by a killed run can be told from one in use.
 */
export function testDatabaseName(createdAt = new Date()): string {
  const second = Math.floor(createdAt.getTime() / 1000).toString(36);
  return `${TEST_DATABASE_PREFIX}${second}_${randomBytes(6).toString('hex')}`;
}

/** When a test database was created, from its name; null for a name not made by testDatabaseName. */
export function testDatabaseCreatedAt(name: string): Date | null {
  const m = /^saraban_t_([0-9a-z]+)_[0-9a-f]{12}$/.exec(name);
  return m ? new Date(parseInt(m[1], 36) * 1000) : null;
}

/**
 * Drops the test databases that killed runs left behind (a crashed bench, a SIGKILLed jest):
 * named by testDatabaseName, older than six hours and with no connection. Answers their names.
 * createTestDatabase runs it once per process, before its first database.
 */
export async function sweepAbandonedTestDatabases(now = new Date()): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT d.datname FROM pg_database d
          WHERE d.datname LIKE $1 AND NOT d.datistemplate
            AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datid = d.oid)`,
      [`${TEST_DATABASE_PREFIX}%`],
    );
    const abandoned = rows
      .map((r) => r.datname)
      .filter((name) => {
        const createdAt = testDatabaseCreatedAt(name);
        return createdAt !== null && now.getTime() - createdAt.getTime() > ABANDONED_AFTER_MS;
      });
    for (const name of abandoned) await client.query(`DROP DATABASE IF EXISTS ${name}`);
    return abandoned;
  } finally {
    await client.end();
  }
}

let swept: Promise<unknown> | null = null;

/** A fresh database for one test file, cloned from the migrated template (fast: a file copy). */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  // Housekeeping only: a sweep that fails (someone connected meanwhile) must not fail a test.
  swept ??= sweepAbandonedTestDatabases().catch(() => []);
  await swept;
  const name = testDatabaseName();
  await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`);
  return {
    url: databaseUrl(name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
