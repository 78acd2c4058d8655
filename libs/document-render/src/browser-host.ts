import path from 'node:path';
import puppeteer from 'puppeteer-core';
import type { Browser } from 'puppeteer-core';
import { withTimeout } from './with-timeout.util';

/**
 * The flags every Chromium of this project starts with (the print engine here, the browser
 * the e2e tests drive): no sandbox (containers run it as root), no GPU, and nothing that
 * reaches out to the network on its own.
 */
export const QUIET_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Chromium flags: a print engine, not a browser. Nothing phones home, nothing is cached on disk. */
export const CHROMIUM_ARGS = [
  '--headless',
  ...QUIET_CHROMIUM_ARGS,
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--disable-default-apps',
  '--mute-audio',
  // No crash reporter: its handler detaches from the browser's process tree and group.
  '--disable-crash-reporter',
  '--disable-breakpad',
  // Unhinted glyph metrics: text in the PDF is laid out exactly as on screen.
  '--font-render-hinting=none',
];

/**
 * `--single-process`: tabs, printing and the print compositor inside the browser process. It
 * saves the PrintCompositor process each PDF forks, but it is a mode Chromium does not support:
 * a tab that times out or crashes takes the whole browser with it, and with it every other
 * document (the failures of issue 10). Off by default; kept as an option for measurements
 * (`npm run bench` prints both).
 */
export const SINGLE_PROCESS_ARG = '--single-process';

const RELAUNCH_BACKOFF_MS = 1000;
const CLOSE_TIMEOUT_MS = 5000;

/**
 * Owns the one Chromium process: launches it on first use, and again after it died (a crash,
 * an OOM kill) or was thrown away (`restart`: it stopped answering), and closes it — or kills
 * it if it does not close in time.
 *
 * Chromium is driven over a pipe (`--remote-debugging-pipe`), not a WebSocket: when the process
 * that launched it dies, even by SIGKILL, the pipe closes and Chromium exits with it, so no
 * browser outlives its owner. A browser thrown away is killed with its whole process group
 * (Puppeteer starts it detached, as a group leader), helpers included.
 */
export class BrowserHost {
  private browser: Browser | null = null;
  private launching: Promise<Browser> | null = null;
  private lastLaunchFailure = 0;
  private closed = false;
  launches = 0;
  restarts = 0;

  constructor(
    private readonly executablePath: string,
    private readonly singleProcess = false,
  ) {}

  /** The running browser, launching one if there is none. */
  get(): Promise<Browser> {
    if (this.closed) return Promise.reject(new Error('the PDF renderer is closed'));
    if (this.browser?.connected) return Promise.resolve(this.browser);
    this.launching ??= this.launch().finally(() => {
      this.launching = null;
    });
    return this.launching;
  }

  /** The browser if one is up, without launching one. */
  current(): Browser | null {
    return this.browser?.connected ? this.browser : null;
  }

  pid(): number | undefined {
    return this.browser?.process()?.pid ?? undefined;
  }

  /** Whether the browser answers a DevTools call within `timeoutMs` (false when there is none). */
  async answers(timeoutMs: number): Promise<boolean> {
    const browser = this.current();
    if (!browser) return false;
    try {
      await withTimeout(browser.version(), timeoutMs, 'the browser probe');
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Throws the browser away, whatever state it is in (hung, busy, half-dead): its process
   * group is killed, every tab of it becomes unusable, and the next `get()` launches a new one.
   */
  restart(): void {
    const browser = this.browser;
    if (!browser) return;
    this.browser = null;
    this.restarts += 1;
    kill(browser);
  }

  private async launch(): Promise<Browser> {
    const wait = this.lastLaunchFailure + RELAUNCH_BACKOFF_MS - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        executablePath: this.executablePath,
        // The headless shell (the default print engine) is told so; the full browser runs in
        // its new headless mode.
        headless: path.basename(this.executablePath).includes('headless-shell') ? 'shell' : true,
        pipe: true,
        args: this.singleProcess ? [...CHROMIUM_ARGS, SINGLE_PROCESS_ARG] : CHROMIUM_ARGS,
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
      // Whatever is left of it (helpers of a crashed browser) goes too.
      kill(browser);
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
    kill(browser);
  }
}

/**
 * SIGKILL to the browser's process group (it leads one): the browser and its helpers, even
 * when the browser itself has already exited. Nothing left is not an error.
 */
function kill(browser: Browser): void {
  const pid = browser.process()?.pid;
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // ESRCH: the group is gone already.
  }
}
