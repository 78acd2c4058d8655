/**
 * The inbox with deadlines (issue 13) and the away form, at phone and desktop sizes, into
 * docs/screenshots. Run as `npm run screenshots` runs its file:
 *   bash scripts/test.sh --testMatch '<rootDir>/test/e2e/deadline-screenshots.e2e.ts'
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { ApiClient } from './api-client';
import { DESKTOP, PHONE, launchBrowser, signedIn } from './browser';
import { startWebServer, type WebServer } from './web-server';

const OUT = path.join(__dirname, '../../docs/screenshots');

async function shoot(page: Page, name: string): Promise<void> {
  for (const [size, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    await page.setViewportSize(viewport);
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: path.join(OUT, `${name}-${size}.png`), fullPage: false });
  }
}

describe('deadline screenshots', () => {
  let server: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    server = await startWebServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the inbox with time waiting, due and overdue; the away form', async () => {
    const author = await ApiClient.signIn(server.baseUrl, 'amornrat');
    const db = server.test.app.get(DataSource);
    const ids: Record<string, string> = {};
    for (const [key, subject, urgency] of [
      ['overdue', 'ขอความเห็นชอบแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๗๐', 'most_urgent'],
      ['soon', 'แจ้งกำหนดการตรวจติดตามการดำเนินงานของคณะกรรมการ', 'very_urgent'],
      ['onTime', 'ขออนุมัติจัดซื้อวัสดุสำนักงาน', 'normal'],
    ] as const) {
      ids[key] = await author.submittedMemo(subject, urgency);
    }
    // Time has passed for two of them: one past its reminder, one past its due time.
    const shift = (id: string, startedHoursAgo: number, remind: string, due: string) =>
      db.query(
        `UPDATE memo_workflows SET waiting_since = now() - make_interval(hours => $2), remind_at = now() + $3::interval,
                due_at = now() + $4::interval WHERE memo_id = $1`,
        [id, startedHoursAgo, remind, due],
      );
    await shift(ids.overdue, 30, '-1 day', '-20 hours');
    await shift(ids.soon, 8, '-30 minutes', '30 minutes');

    const head = await signedIn(browser, server.baseUrl, 'somprasong');
    await head.page.goto('/app');
    await head.page.locator('.badge-deadline.is-overdue').first().waitFor();
    await shoot(head.page, 'inbox-deadlines');
    await head.page.goto('/app/me/away');
    await head.page.getByLabel('ผู้ปฏิบัติหน้าที่แทน').waitFor();
    await shoot(head.page, 'away');
    await head.context.close();
  });
});
