import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import { CertificateService } from '@saraban/certificates';
import { OrganisationImportService, parseOrganisationFile } from '@saraban/organisation';
import { createTestApp, type TestApp } from '../utils/test-app';
import { startTestWorker } from '../utils/test-worker';

export interface WebServer {
  test: TestApp;
  baseUrl: string;
  close: () => Promise<void>;
}

/**
 * The real API on a fresh database with the demo organisation (demo/organisation.yaml and a
 * self-signed certificate, as `npm run demo` sets it up), listening on a free port; with
 * `worker: true` also the document worker (render → sign → publish) on the same database and queues.
 */
export async function startWebServer(
  options: { worker?: boolean; env?: Record<string, string> } = {},
): Promise<WebServer> {
  // The address is chosen first: it is the app's PUBLIC_BASE_URL, the Origin its forms must come from.
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const test = await createTestApp({ PUBLIC_BASE_URL: baseUrl, ...options.env });
  let worker: INestApplicationContext | null = null;
  const close = async (): Promise<void> => {
    try {
      await worker?.close();
    } finally {
      await test.close();
    }
  };
  try {
    const source = readFileSync(path.join(__dirname, '../../demo/organisation.yaml'), 'utf8');
    const summary = await test.app.get(OrganisationImportService).import(parseOrganisationFile(source));
    await test.app.get(CertificateService).installSelfSigned(summary.organisationId, 'องค์การบริหารส่วนตำบลคำพี่');
    await test.app.listen(port, '127.0.0.1');
    if (options.worker) worker = await startTestWorker({ ...test.env, PUBLIC_BASE_URL: baseUrl });
    return { test, baseUrl, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** A port nobody listens on now (the OS's choice for port 0, released at once). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
