import { Client } from 'pg';
import {
  adminQuery,
  databaseUrl,
  sweepAbandonedTestDatabases,
  templateName,
  testDatabaseCreatedAt,
  testDatabaseName,
} from '../utils/test-database';

// A bench or jest run that is killed leaves its database behind; the next run drops those that
// are old and unused, and nothing else.
describe('test databases left behind by killed runs', () => {
  const HOUR = 60 * 60 * 1000;
  const now = new Date();
  const names = {
    abandoned: testDatabaseName(new Date(now.getTime() - 7 * HOUR)),
    oldButConnected: testDatabaseName(new Date(now.getTime() - 7 * HOUR)),
    recent: testDatabaseName(new Date(now.getTime() - 1 * HOUR)),
  };
  let client: Client;

  beforeAll(async () => {
    for (const name of Object.values(names))
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${templateName()}`);
    client = new Client({ connectionString: databaseUrl(names.oldButConnected) });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    for (const name of Object.values(names)) await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('name the second they were created', () => {
    expect(testDatabaseCreatedAt(testDatabaseName(new Date('2026-12-01T04:00:00Z')))).toEqual(
      new Date('2026-12-01T04:00:00Z'),
    );
    expect(testDatabaseCreatedAt('saraban_t_0123456789ab')).toBeNull();
    expect(testDatabaseCreatedAt(templateName())).toBeNull();
  });

  it('drops one older than six hours that nobody uses, and keeps a recent one and one in use', async () => {
    const dropped = await sweepAbandonedTestDatabases(now);
    expect(dropped).toContain(names.abandoned);
    expect(dropped).not.toContain(names.oldButConnected);
    expect(dropped).not.toContain(names.recent);

    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = ANY($1)',
      [Object.values(names)],
    );
    expect(rows.map((r) => r.datname).sort()).toEqual([names.oldButConnected, names.recent].sort());
  });
});
