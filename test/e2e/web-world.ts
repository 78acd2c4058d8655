import type { Browser } from 'playwright-core';
import { ApiClient } from './api-client';
import { launchBrowser } from './browser';
import { startWebServer, type WebServer } from './web-server';

/** The web server, a browser and the API clients of a describe block, once its beforeAll has run. */
export type WebWorld<K extends string> = { server: WebServer; browser: Browser } & Record<K, ApiClient>;

/**
 * Every web test file's preamble: before the block's tests, the web server (the demo organisation
 * on a fresh database; `options` as startWebServer takes them), a browser, and an API client signed
 * in for each of `accounts` (key → username); after them, the browser and the server closed.
 */
export function webWorld<K extends string = never>(
  accounts: Record<K, string> = {} as Record<K, string>,
  options: Parameters<typeof startWebServer>[0] = {},
): WebWorld<K> {
  const world = {} as WebWorld<K>;
  beforeAll(async () => {
    world.server = await startWebServer(options);
    world.browser = await launchBrowser();
    for (const [key, username] of Object.entries(accounts) as [K, string][]) {
      (world as Record<K, ApiClient>)[key] = await ApiClient.signIn(world.server.baseUrl, username);
    }
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.server?.close();
  });
  return world;
}
