import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { CertificateService } from '@saraban/certificates';
import type { loadConfig } from '@saraban/config';
import { OrganisationImportService, parseOrganisationFile } from '@saraban/organisation';
import { ROOT } from '../../test/utils/processes';
import type { BenchHttpClient } from './http-client';

/**
 * The environment every built app of a benchmark (or of the soak, `name` 'soak') runs with: its own
 * database and queue prefix (`name` and random hex), on 127.0.0.1:`port`, in production mode.
 */
export function benchAppEnv(databaseUrl: string, port: number, name = 'bench') {
  return {
    DATABASE_URL: databaseUrl,
    QUEUE_PREFIX: `${name}${randomBytes(4).toString('hex')}`,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    SIGNING_KEY_SECRET: `${name}-secret-of-sufficient-length`,
  };
}

/** demo/organisation.yaml imported (as the CLI does) with a self-signed certificate, as `npm run demo` sets it up. */
export async function importDemoOrganisation(
  db: DataSource,
  config: ReturnType<typeof loadConfig>,
): Promise<void> {
  const file = parseOrganisationFile(readFileSync(path.join(ROOT, 'demo/organisation.yaml'), 'utf8'));
  const summary = await new OrganisationImportService(db).import(file);
  await new CertificateService(db, config).installSelfSigned(summary.organisationId, file.organisation.name);
}

/** Signs a demo person in through the API; answers the bearer token. */
export function demoLogin(client: BenchHttpClient, username: string): Promise<string> {
  return client
    .json<{ token: string }>('POST', '/auth/login', null, {
      organisation: 'khampee',
      username,
      password: 'demo-password',
    })
    .then((r) => r.token);
}
