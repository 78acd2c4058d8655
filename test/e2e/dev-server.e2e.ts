/**
 * Not a test: a throwaway server with the demo organisation for looking at the interface by hand.
 * jest compiles it (Nest needs the decorator metadata that tsx does not emit):
 *   npx jest --runInBand --testMatch '<rootDir>/test/e2e/dev-server.e2e.ts' --testTimeout 36000000
 * It prints the address and serves until DEV_SERVER_SECONDS (default 3600) have passed.
 */
import { startWebServer } from './web-server';

it('serves the demo organisation', async () => {
  const server = await startWebServer({ env: { NODE_ENV: 'development' }, worker: true });
  try {
    process.stdout.write(`ready ${server.baseUrl}/app/login?org=khampee\n`);
    const seconds = Number(process.env.DEV_SERVER_SECONDS ?? 3600);
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  } finally {
    await server.close();
  }
});
