import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { ASSET_ORIGIN, DOCUMENT_CSP } from './asset-server';
import type { AssetServer } from './asset-server';
import { withTimeout } from './with-timeout.util';

/** The tab's own document, loaded once: it gives the tab our origin and our CSP. */
const HOME_PATH = '/home.html';
const HOME_HTML = '<!doctype html><html lang="th"><head><meta charset="utf-8"></head><body></body></html>';
/**
 * Bounds on a tab's own housekeeping. Puppeteer's page.close() never settles when the browser
 * dies under it (seen with single-process Chromium 156: a pool that waited on it hung).
 */
const CLOSE_TIMEOUT_MS = 5_000;
const RENEW_TIMEOUT_MS = 10_000;
const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${DOCUMENT_CSP}">`;

/** The CSP again as the first thing in <head>, whatever template produced the document. */
function withCspMeta(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new Error('the document template has no <head>');
  const at = head.index + head[0].length;
  return html.slice(0, at) + CSP_META + html.slice(at);
}

/**
 * One warm Chromium tab that prints documents: JavaScript off, and every request answered by
 * the renderer itself — its own assets — or refused.
 *
 * The tab navigates once, to its home document on the renderer's origin (served with the
 * CSP), and each document is then written into it (setContent): a navigation costs Chromium
 * about 90 ms of CPU, writing the document about 8.
 */
export class RenderPage {
  uses = 0;
  private broken = false;

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
      await page.goto(`${ASSET_ORIGIN}${HOME_PATH}`, { waitUntil: 'load' });
    } catch (err) {
      await rp.close();
      throw err;
    }
    return rp;
  }

  /** Still fit to print: not crashed, not closed, its browser alive, still at home. */
  usable(): boolean {
    return !this.lost();
  }

  /**
   * Whether the tab is gone or no longer ours (as opposed to a document failing): its browser
   * died, it crashed or closed, or it left its home document — which a template that prints
   * a meta refresh could make it do, even with JavaScript off.
   */
  lost(): boolean {
    return (
      this.broken ||
      !this.browser.connected ||
      this.page.isClosed() ||
      this.page.url() !== `${ASSET_ORIGIN}${HOME_PATH}`
    );
  }

  async print(html: string, options: { timeoutMs: number; tagged: boolean }): Promise<Uint8Array> {
    const { timeoutMs, tagged } = options;
    if (this.lost()) throw new Error('the tab is no longer usable');
    this.uses += 1;
    await this.page.setContent(withCspMeta(html), { waitUntil: 'load', timeout: timeoutMs });
    return await this.page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: false,
      waitForFonts: true,
      tagged,
      outline: false,
      timeout: timeoutMs,
    });
  }

  /**
   * Clears the tab for its next documents: the home document written in again (the printed
   * documents' DOM, styles and images go with the old one) and the tab's JavaScript heap
   * collected. Not a navigation: Chromium 156 (.108) in one process crashes when a tab leaves a
   * document that used the web fonts (seen: every renewal relaunched the browser). Answers
   * whether the tab is fit to print again.
   */
  async renew(): Promise<boolean> {
    try {
      await withTimeout(this.clear(), RENEW_TIMEOUT_MS, 'renewing a tab');
      this.uses = 0;
      return this.usable();
    } catch {
      return false;
    }
  }

  private async clear(): Promise<void> {
    await this.page.setContent(HOME_HTML, { waitUntil: 'load' });
    const cdp = await this.page.createCDPSession();
    try {
      await cdp.send('HeapProfiler.collectGarbage');
    } finally {
      await cdp.detach();
    }
  }

  async close(): Promise<void> {
    this.broken = true;
    if (this.page.isClosed() || !this.browser.connected) return;
    try {
      await withTimeout(this.page.close(), CLOSE_TIMEOUT_MS, 'closing a tab');
    } catch {
      // The tab or the whole browser is already gone (or going): nothing left to close.
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
      if (url.pathname === HOME_PATH) {
        await req.respond({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          headers: { 'Content-Security-Policy': DOCUMENT_CSP, 'Cache-Control': 'no-store' },
          body: HOME_HTML,
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
