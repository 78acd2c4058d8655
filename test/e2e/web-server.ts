import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { OrganisationImportService, parseOrganisationFile } from '@saraban/organisation';
import { createTestApp, type TestApp } from '../utils/test-app';

export interface WebServer {
  test: TestApp;
  baseUrl: string;
  close: () => Promise<void>;
}

/** The real API on a fresh database with the demo organisation (demo/organisation.yaml), listening on a free port. */
export async function startWebServer(env: Record<string, string> = {}): Promise<WebServer> {
  const test = await createTestApp(env);
  try {
    const source = readFileSync(path.join(__dirname, '../../demo/organisation.yaml'), 'utf8');
    await test.app.get(OrganisationImportService).import(parseOrganisationFile(source));
    await test.app.listen(0, '127.0.0.1');
  } catch (err) {
    await test.close();
    throw err;
  }
  const { port } = test.app.getHttpServer().address() as AddressInfo;
  return { test, baseUrl: `http://127.0.0.1:${port}`, close: () => test.close() };
}
