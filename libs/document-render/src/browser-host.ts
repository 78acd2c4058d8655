import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { withTimeout } from './with-timeout.util';

/** Chromium flags: a print engine, not a browser. Nothing phones home, nothing is cached on disk. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
  // Unhinted glyph metrics: text in the PDF is laid out exactly as on screen.
  '--font-render-hinting=none',
  // Tabs, printing and the print compositor in the browser process. Otherwise every printToPDF
  // starts a PrintCompositor utility process (fork, ICU, fonts, Skia) that exits right after:
  // measured, about a third of all the CPU a signed memo costs, and a third of the documents per
  // second. What process isolation would add is little here: it runs without the sandbox anyway
  // (--no-sandbox, in containers), pages run no JavaScript, load nothing but our own assets and
  // print escaped text; a crash now takes the whole browser, which BrowserHost launches again and
  // the renderer retries the lost document on (tested by killing Chromium mid-render).
  '--single-process',
];

const RELAUNCH_BACKOFF_MS = 1000;
const CLOSE_TIMEOUT_MS = 5000;

/**
 * Owns the one Chromium process: launches it on first use, and again after it died
 * (a crash, an OOM kill), and closes it — or kills it if it does not close in time.
 */
export class BrowserHost {
  private browser: Browser | null = null;
  private launching: Promise<Browser> | null = null;
  private lastLaunchFailure = 0;
  private closed = false;
  launches = 0;

  constructor(private readonly executablePath: string) {}

  /** The running browser, launching one if there is none. */
  get(): Promise<Browser> {
    if (this.closed) return Promise.reject(new Error('the PDF renderer is closed'));
    if (this.browser?.connected) return Promise.resolve(this.browser);
    this.launching ??= this.launch().finally(() => {
      this.launching = null;
    });
    return this.launching;
  }

  pid(): number | undefined {
    return this.browser?.process()?.pid ?? undefined;
  }

  private async launch(): Promise<Browser> {
    const wait = this.lastLaunchFailure + RELAUNCH_BACKOFF_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath: this.executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        // The application shuts the renderer down itself (close()), in order.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        protocolTimeout: 60_000,
      });
    } catch (err) {
      this.lastLaunchFailure = Date.now();
      throw err;
    }
    this.launches += 1;
    browser.once('disconnected', () => {
      if (this.browser === browser) this.browser = null;
    });
    if (this.closed) {
      await closeOrKill(browser);
      throw new Error('the PDF renderer is closed');
    }
    this.browser = browser;
    return browser;
  }

  async close(): Promise<void> {
    this.closed = true;
    const pending = this.launching ? await this.launching.catch(() => null) : null;
    const browser = this.browser ?? pending;
    this.browser = null;
    if (browser) await closeOrKill(browser);
  }
}

async function closeOrKill(browser: Browser): Promise<void> {
  try {
    await withTimeout(browser.close(), CLOSE_TIMEOUT_MS, 'closing the browser');
  } catch {
    browser.process()?.kill('SIGKILL');
  }
}
