import path from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE } from './browser';

/** Where `npm run screenshots` writes: docs/screenshots/<page>-<size>.png. */
export const OUT = path.join(__dirname, '../../docs/screenshots');
const SIZES = { phone: PHONE, desktop: DESKTOP } as const;

/** The page at phone (390×844) and desktop (1280×800) sizes, as a person sees it on arriving. */
export async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  for (const [size, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport);
    // What a person sees on arriving: the top of the page, nothing focused.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    // Fonts are local files; wait for them so Thai is drawn in Sarabun, not a fallback.
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: path.join(OUT, `${name}-${size}.png`), fullPage });
  }
}
