/**
 * Screenshots of issue 13's pages, as `npm run screenshots` takes the others (phone and desktop,
 * docs/screenshots/<page>-<size>.png): the notification list with unread items, the profile's
 * LINE link (a fresh code), the admin's webhook page with a delivery in the log.
 * Run: npx jest --runInBand --testMatch '<rootDir>/test/e2e/notification-screenshots.e2e.ts'
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { DataSource } from 'typeorm';
import { startLineDouble, type LineDouble } from '../../apps/line-double/src/line-double';
import { startMailCatcher, type MailCatcher } from '../../apps/mail-catcher/src/mail-catcher';
import { ApiClient } from './api-client';
import { launchBrowser, signedIn } from './browser';
import { OUT, shoot } from './screenshot-kit';
import { startWebServer, type WebServer } from './web-server';
import { waitFor } from '../utils/wait-for';

describe('notification screenshots', () => {
  let server: WebServer;
  let browser: Browser;
  let mail: MailCatcher;
  let line: LineDouble;
  let hooks: Server;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    mail = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    line = await startLineDouble();
    hooks = createServer((_, res) => res.writeHead(204).end());
    await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', () => r()));
    server = await startWebServer({
      worker: true,
      env: {
        SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
        LINE_API_BASE_URL: line.baseUrl,
        WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1',
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await mail?.close();
    await line?.close();
    await new Promise<void>((r) => (hooks ? hooks.close(() => r()) : r()));
  });

  it('takes the notification pages', async () => {
    const admin = await ApiClient.signIn(server.baseUrl, 'admin');
    await admin.call('PUT', '/admin/line', {
      channelSecret: 'screenshot-line-channel-secret-01',
      accessToken: 'screenshot-line-access-token-0123',
    });
    await admin.call('POST', '/admin/webhooks', {
      url: `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/saraban-events`,
      events: ['memo.submitted', 'memo.decided', 'document.published'],
      description: 'ระบบสารบรรณกลางของจังหวัด',
    });
    const author = await ApiClient.signIn(server.baseUrl, 'amornrat');
    await author.submittedMemo('ขออนุมัติจัดซื้อวัสดุสำนักงาน ประจำเดือนธันวาคม', 'very_urgent');
    await author.submittedMemo('รายงานผลการดำเนินการตามแผนป้องกันการทุจริต', 'normal');
    const db = server.test.app.get(DataSource);
    await waitFor(
      async () => (await db.query<{ n: number }[]>('SELECT count(*)::int AS n FROM notifications'))[0].n >= 2,
      'the notifications',
    );

    const head = await signedIn(browser, server.baseUrl, 'somprasong');
    await head.page.goto('/app/notifications');
    expect(await head.page.title()).toMatch(/^\(2\) การแจ้งเตือน/);
    await shoot(head.page, 'notifications');

    await head.page.goto('/app/me/notifications');
    await head.page.getByRole('button', { name: 'ขอรหัสเชื่อมต่อ LINE' }).click();
    await head.page.locator('#line-code').waitFor();
    await shoot(head.page, 'profile-line-link');
    await head.context.close();

    const adminPage = await signedIn(browser, server.baseUrl, 'admin');
    await waitFor(
      async () =>
        (
          await db.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'delivered'`,
          )
        )[0].n >= 2,
      'the webhook deliveries',
    );
    await adminPage.page.goto('/app/admin/notifications');
    // The whole page: the LINE OA, the subscriptions and the delivery log.
    await shoot(adminPage.page, 'admin-webhooks', true);
    expect(adminPage.scriptErrors).toEqual([]);
    await adminPage.context.close();
  });
});
