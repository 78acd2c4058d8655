import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { ASSET_ORIGIN, DOCUMENT_CSP } from './asset-server';
import type { AssetServer } from './asset-server';

/**
 * One warm Chromium tab that prints documents: JavaScript off, and every request answered by
 * the renderer itself — its own assets and the document being printed — or refused.
 */
export class RenderPage {
  uses = 0;
  private broken = false;
  private document: { path: string; html: string } | null = null;

  private constructor(
    private readonly page: Page,
    private readonly browser: Browser,
    private readonly assets: AssetServer,
    private readonly onBlocked?: (url: string) => void,
  ) {}

  static async open(
    browser: Browser,
    assets: AssetServer,
    onBlocked?: (url: string) => void,
  ): Promise<RenderPage> {
    const page = await browser.newPage();
    const rp = new RenderPage(page, browser, assets, onBlocked);
    try {
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
      page.on('request', (req) => void rp.answer(req));
      // A renderer crash ('error') leaves the tab unusable: never hand it out again.
      page.on('error', () => {
        rp.broken = true;
      });
      page.on('close', () => {
        rp.broken = true;
      });
    } catch (err) {
      await rp.close();
      throw err;
    }
    return rp;
  }

  /** Still fit to print: not crashed, not closed, its browser alive. */
  usable(): boolean {
    return !this.broken && !this.page.isClosed() && this.browser.connected;
  }

  /** Whether the tab or its browser died (as opposed to the document failing). */
  crashed(): boolean {
    return !this.browser.connected || this.page.isClosed() || this.broken;
  }

  async print(html: string, timeoutMs: number): Promise<Uint8Array> {
    this.uses += 1;
    const path = `/documents/${this.uses}.html`;
    this.document = { path, html };
    try {
      await this.page.goto(`${ASSET_ORIGIN}${path}`, { waitUntil: 'load', timeout: timeoutMs });
      return await this.page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: false,
        waitForFonts: true,
        timeout: timeoutMs,
      });
    } finally {
      this.document = null;
    }
  }

  async close(): Promise<void> {
    this.broken = true;
    try {
      if (!this.page.isClosed()) await this.page.close();
    } catch {
      // The tab or the whole browser is already gone: nothing left to close.
    }
  }

  private async answer(req: HTTPRequest): Promise<void> {
    try {
      // Images the renderer itself inlined (emblem, signatures, QR code). Text people typed is
      // escaped, so it cannot add one; the page's CSP allows no other scheme.
      if (/^data:image\/(png|svg\+xml);base64,/.test(req.url())) {
        await req.continue();
        return;
      }
      const url = new URL(req.url());
      if (url.origin !== ASSET_ORIGIN || (req.method() !== 'GET' && req.method() !== 'HEAD')) {
        this.onBlocked?.(req.url());
        await req.abort('blockedbyclient');
        return;
      }
      if (this.document && url.pathname === this.document.path) {
        await req.respond({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'Content-Security-Policy': DOCUMENT_CSP, 'Cache-Control': 'no-store' },
          body: this.document.html,
        });
        return;
      }
      const asset = await this.assets.resolve(url.pathname);
      if (!asset) {
        await req.respond({ status: 404, contentType: 'text/plain', body: 'not found' });
        return;
      }
      await req.respond({
        status: asset.status,
        contentType: asset.contentType,
        headers: asset.headers,
        body: asset.body,
      });
    } catch {
      // The page went away while answering (a crash, a timeout): the render fails on its own.
      await req.abort('failed').catch(() => undefined);
    }
  }
}
