import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { CertificateService } from '@saraban/certificates';
import { startTestWorker } from '../utils/test-worker';
import { waitFor } from '../utils/wait-for';
import { ApiClient } from './api-client';
import { DESKTOP, PHONE, launchBrowser, seriousViolations, signedIn } from './browser';
import { startWebServer, type WebServer } from './web-server';

/** Reloads the memo page until its document section says `label` (the worker works in the background). */
async function untilDocumentState(page: Page, memoUrl: string, label: RegExp): Promise<string> {
  return waitFor(
    async () => {
      await page.goto(memoUrl);
      const heading = (await page.locator('#document-state h2').textContent()) ?? '';
      return label.test(heading) ? heading : null;
    },
    `the memo page to say ${label}`,
    { timeoutMs: 60_000, intervalMs: 300 },
  );
}

/**
 * Issue 10, item 5, as people see it: the memo page says where the decided memo's document stands
 * (being produced, failed with its reason in Thai and what happens next, published with its file);
 * the administrator's page lists the failure with its cause and a retry that works.
 */
describe('web: where a decided memo’s document stands', () => {
  let server: WebServer;
  let browser: Browser;
  let worker: INestApplicationContext | undefined;
  let organisationId: string;

  beforeAll(async () => {
    // One attempt per job: a failure is set aside at once (5 attempts take 15 s of backoff).
    server = await startWebServer({ env: { DOCUMENT_JOB_ATTEMPTS: '1' } });
    browser = await launchBrowser();
    const rows: { id: string }[] = await server.test.app
      .get(DataSource)
      .query(`SELECT id FROM organisations WHERE code = 'khampee'`);
    organisationId = rows[0].id;
  });
  afterAll(async () => {
    await worker?.close();
    await browser?.close();
    await server?.close();
  });

  /** A memo decided over the API (อนุมัติ, marked for publication): answers its page's path. */
  async function decidedMemo(subject: string): Promise<string> {
    const author = await ApiClient.signIn(server.baseUrl, 'amornrat');
    const head = await ApiClient.signIn(server.baseUrl, 'somprasong');
    const mayor = await ApiClient.signIn(server.baseUrl, 'kanok');
    const memo = await author.call<{ id: string }>('POST', '/memos', {
      subject,
      body: [{ type: 'paragraph', text: `รายละเอียด${subject}` }],
      publish: true,
      oitItem: 'o28',
    });
    await author.call('POST', `/memos/${memo.id}/submit`);
    await head.call('POST', `/memos/${memo.id}/endorse`, { opinion: 'เห็นควรอนุมัติ' });
    await head.call('POST', `/memos/${memo.id}/endorse`, { opinion: 'เห็นควรอนุมัติ' });
    await mayor.call('POST', `/memos/${memo.id}/decide`, { order: 'approved' });
    return `/app/memos/${memo.id}`;
  }

  it('being produced → failed with its reason and next retry → retried by the administrator → published, on a phone and a desktop', async () => {
    const subject = 'รายงานผลการดำเนินการตามแผนป้องกันการทุจริต ประจำปี';
    const memoUrl = await decidedMemo(subject);

    // No worker yet: the decision is in, its document is being produced.
    const author = await signedIn(browser, server.baseUrl, 'amornrat', { viewport: PHONE });
    await author.page.goto(memoUrl);
    await expect(author.page.locator('#document-state h2').textContent()).resolves.toBe('กำลังจัดทำเอกสาร…');
    await expect(author.page.locator('#document-state').textContent()).resolves.toContain(
      'ระบบกำลังจัดทำไฟล์ PDF และลงลายมือชื่ออิเล็กทรอนิกส์ตามคำสั่ง',
    );
    expect(await seriousViolations(author.page)).toEqual([]);

    // The organisation's certificate is gone: the sign step fails, and with one attempt the
    // document is set aside for the reconciler's later retry.
    await server.test.app
      .get(DataSource)
      .query('DELETE FROM organisation_certificates WHERE organisation_id = $1', [organisationId]);
    worker = await startTestWorker({ ...server.test.env, PUBLIC_BASE_URL: server.baseUrl });
    const failed = await untilDocumentState(author.page, memoUrl, /^จัดทำเอกสารไม่สำเร็จ: /);
    expect(failed).not.toMatch(/[A-Za-z_]{6,}/); // the reason people read is Thai, not an error code
    const section = (await author.page.locator('#document-state').textContent()) ?? '';
    expect(section).toContain('ระบบจะลองใหม่อัตโนมัติในวันที่');
    expect(section).toMatch(/พยายามแล้ว [1๑] ครั้ง/);
    expect(await seriousViolations(author.page)).toEqual([]);
    expect(author.scriptErrors).toEqual([]);

    // The administrator sees it with its step and cause, fixes the cause and retries.
    const admin = await signedIn(browser, server.baseUrl, 'admin', { viewport: DESKTOP });
    await admin.page.goto('/app/admin/documents');
    const item = admin.page.locator('#document-failures .memo-item', { hasText: subject });
    await expect(item.textContent()).resolves.toContain('ขั้นตอน: ลงลายมือชื่ออิเล็กทรอนิกส์');
    await expect(item.locator('.failure-cause').textContent()).resolves.toContain(
      'SIGNING_CERTIFICATE_MISSING',
    );
    expect(await seriousViolations(admin.page)).toEqual([]);
    await server.test.app.get(CertificateService).installSelfSigned(organisationId, 'องค์การบริหารส่วนตำบลคำพี่');
    await Promise.all([
      admin.page.waitForURL('**/app/admin/documents**'),
      item.getByRole('button', { name: /ลองใหม่ทันที/ }).click(),
    ]);

    // The author's page now says published, with the signed file one tap away.
    await untilDocumentState(author.page, memoUrl, /^เผยแพร่แล้ว$/);
    await expect(author.page.locator('#document-state').textContent()).resolves.toContain(
      'อยู่บนเว็บไซต์ของหน่วยงานตั้งแต่',
    );
    const href = await author.page.getByRole('link', { name: 'ไฟล์ PDF ที่ลงนามแล้ว' }).getAttribute('href');
    const pdf = await author.context.request.get(href ?? '');
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect(await seriousViolations(author.page)).toEqual([]);

    // And the failure is gone from the administrator's list.
    await admin.page.goto('/app/admin/documents');
    await expect(admin.page.locator('main').textContent()).resolves.not.toContain(subject);
    for (const s of [author, admin]) await s.context.close();
  }, 180_000);
});
