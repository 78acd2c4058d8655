import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { QUIET_CHROMIUM_ARGS } from '@saraban/document-render';

/**
 * Debian's full Chromium (not the headless shell that prints the PDFs: people use a browser),
 * headless, with nothing reaching out to the network.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.BROWSER_PATH ?? '/usr/bin/chromium',
    args: [...QUIET_CHROMIUM_ARGS],
  });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Script errors the pages threw, and what their CSP refused; a test expects none. */
  scriptErrors: string[];
}

/** A fresh browser profile signed in as one demo person (password demo-password). */
export async function signedIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  options: { javaScriptEnabled?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'th-TH',
    timezoneId: 'Asia/Bangkok',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: options.viewport ?? DESKTOP,
  });
  const page = await context.newPage();
  const scriptErrors: string[] = [];
  page.on('pageerror', (err) => scriptErrors.push(err.message));
  // What the Content-Security-Policy refused (an inline script or style that slipped in) counts too.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      scriptErrors.push(message.text());
    }
  });
  await page.goto('/app/login?org=khampee');
  await page.getByLabel('ชื่อผู้ใช้').fill(username);
  await page.getByLabel('รหัสผ่าน').fill('demo-password');
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith('/app/login')),
    page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click(),
  ]);
  return { context, page, scriptErrors };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** axe-core on the current page: the serious and critical violations (none is the goal). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a <script>: the page's CSP refuses inline scripts, DevTools' evaluation is not one.
  await page.evaluate(readFileSync(path.join(__dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A small valid PDF of `pages` pages, made with pdf-lib (the memo API sniffs the content). */
export async function samplePdf(pages = 1): Promise<Buffer> {
  const { PDFDocument, StandardFonts } = await import('pdf-lib');
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < pages; i++)
    doc.addPage([595, 842]).drawText(`Attachment page ${i + 1}`, { x: 72, y: 770, font, size: 14 });
  return Buffer.from(await doc.save());
}

/** The number a page shows, in Thai or Arabic digits ("๑๒" → 12); NaN when there is none. */
export function shownNumber(text: string | null): number {
  return Number((text ?? '').trim().replace(/[๐-๙]/g, (d) => String('๐๑๒๓๔๕๖๗๘๙'.indexOf(d))));
}

/** A number as the demo organisation (Thai digits) shows it. */
export function thaiNumber(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => '๐๑๒๓๔๕๖๗๘๙'[Number(d)]);
}

/** Whether the element is inside the visible part of the page (not scrolled off). */
export function onScreen(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
  });
}
