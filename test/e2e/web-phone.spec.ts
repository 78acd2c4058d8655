import { randomUUID } from 'node:crypto';
import { fiscalYearOf } from '@saraban/thai-format';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { waitFor } from '../utils/wait-for';
import { ApiClient } from './api-client';
import { launchBrowser, seriousViolations, signedIn, thaiNumber } from './browser';
import { startWebServer, type WebServer } from './web-server';

/** The smallest common phone (issue 14, item 8). */
const SMALL_PHONE = { width: 360, height: 740 };

/**
 * Latin words a person may read: the product's name and the names of file formats, programs and
 * services people know by those letters. Anything else in Latin letters is English to fix.
 */
const ALLOWED_LATIN = new Set([
  'Saraban',
  'Flow',
  'PDF',
  'SHA',
  'CSV',
  'LINE',
  'QR',
  'PNG',
  'Excel',
  'LibreOffice',
]);

/** How wide the page is, beyond the viewport: 0 when nothing makes it scroll sideways. */
function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * The Latin words of the text a person reads: the page's text (screen-reader-only text included),
 * its title, and the labels and placeholders of its controls; not what is code (hashes, verification
 * codes shown as code). The test's memos are written in Thai, so their text counts as well.
 */
function latinWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [document.title];
    // A plain walk (a TreeWalker's filter is a callback, which a page without scripts refuses to run).
    const walk = (node: Node): void => {
      if (node.nodeType === Node.TEXT_NODE) texts.push(node.textContent ?? '');
      if (node instanceof Element && node.matches('code, script, style, [translate="no"]')) return;
      node.childNodes.forEach(walk);
    };
    walk(document.body);
    for (const el of Array.from(document.querySelectorAll('[aria-label], [placeholder], [title], [alt]'))) {
      for (const attr of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = el.getAttribute(attr);
        if (value) texts.push(value);
      }
    }
    return texts.flatMap((t) => t.match(/[A-Za-z]{2,}/g) ?? []);
  });
}

async function englishOn(page: Page): Promise<string[]> {
  return [...new Set((await latinWords(page)).filter((w) => !ALLOWED_LATIN.has(w)))];
}

/** On screen without scrolling: inside the viewport both ways. */
function onFirstScreen(page: Page, selector: string): Promise<boolean> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const r = el.getBoundingClientRect();
      return (
        r.height > 0 &&
        r.top >= 0 &&
        r.bottom <= window.innerHeight &&
        r.left >= 0 &&
        r.right <= window.innerWidth
      );
    });
}

/**
 * Issue 14, items 8 and 11 on a 360 × 740 phone: no page wider than the screen (the register and
 * the portal tables included), every item of the navigation within reach, the action card of a memo
 * one tap away; and no English word a person reads on the pages citizens and staff use most.
 */
describe('web: a small phone, in Thai', () => {
  let server: WebServer;
  let browser: Browser;
  let memoId: string;
  let publishedMemoId: string;
  let publishedPath: string;
  const subject = 'ขออนุมัติเผยแพร่รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน';

  beforeAll(async () => {
    server = await startWebServer({ worker: true });
    browser = await launchBrowser();
    const author = await ApiClient.signIn(server.baseUrl, 'amornrat');
    const head = await ApiClient.signIn(server.baseUrl, 'somprasong');
    const mayor = await ApiClient.signIn(server.baseUrl, 'kanok');
    // One memo published on the portal (long subject: the table must not widen the page).
    const published = await author.call<{ id: string }>('POST', '/memos', {
      subject,
      body: [{ type: 'paragraph', text: 'งานนิติการได้ดำเนินการตามมาตรการครบถ้วนแล้ว' }],
      publish: true,
      oitItem: 'o28',
    });
    publishedMemoId = published.id;
    await author.call('POST', `/memos/${published.id}/submit`);
    await head.call('POST', `/memos/${published.id}/endorse`, { opinion: 'เห็นควรอนุมัติ' });
    await head.call('POST', `/memos/${published.id}/endorse`, { opinion: 'เห็นควรอนุมัติและเผยแพร่' });
    await mayor.call('POST', `/memos/${published.id}/decide`, { order: 'approved', text: null });
    // One waiting for the head of office, with a long body: the memo page of an approver.
    memoId = await author.submittedMemo('ขออนุมัติจัดซื้อวัสดุสำนักงานสำหรับงานสารบรรณประจำปีงบประมาณ');
    const citizen = await browser.newContext({ baseURL: server.baseUrl });
    try {
      const page = await citizen.newPage();
      publishedPath = await waitFor(
        async () => {
          await page.goto('/p/khampee');
          const link = page.getByRole('link', { name: subject, exact: true });
          return (await link.count()) > 0 ? link.getAttribute('href') : null;
        },
        'the decided memo on the portal',
        { timeoutMs: 90_000, intervalMs: 500 },
      );
    } finally {
      await citizen.close();
    }
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function check(
    page: Page,
    path: string,
    status = 200,
  ): Promise<{ wider: number; english: string[] }> {
    const res = await page.goto(path);
    expect(res?.status()).toBe(status);
    expect(res?.headers()['content-type']).toContain('text/html');
    return { wider: await overflow(page), english: await englishOn(page) };
  }

  async function citizenPage(fn: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
    const context = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: SMALL_PHONE,
      locale: 'th-TH',
      timezoneId: 'Asia/Bangkok',
    });
    try {
      await fn(await context.newPage(), context);
    } finally {
      await context.close();
    }
  }

  it('the clerk: the inbox and the register fit the screen, every tab within reach, in Thai', async () => {
    const clerk = await signedIn(browser, server.baseUrl, 'saranya', { viewport: SMALL_PHONE });
    try {
      // A paper letter with long words: the register's table must fold, not widen the page.
      await clerk.page.goto('/app/register');
      await clerk.page.getByText('ลงทะเบียนหนังสือที่ไม่ได้จัดทำในระบบ').click();
      await clerk.page.getByLabel('จาก', { exact: true }).fill('สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดนครพนม');
      await clerk.page.getByLabel('ถึง', { exact: true }).fill('นายอำเภอเมืองนครพนมและผู้อำนวยการกองสาธารณสุข');
      await clerk.page.getByLabel('เรื่อง', { exact: true }).fill(subject);
      await Promise.all([
        clerk.page.waitForURL('**/app/register?*done=registered*'),
        clerk.page.getByRole('button', { name: 'ออกเลขและลงทะเบียน' }).click(),
      ]);
      const seen: Record<string, { wider: number; english: string[] }> = {};
      for (const path of [
        '/app',
        '/app/register',
        '/app/memos/mine',
        '/app/search?q=วัสดุ',
        '/app/me/sessions',
        '/app/me/notifications',
      ]) {
        seen[path] = await check(clerk.page, path);
        if (path === '/app/register') expect(await seriousViolations(clerk.page)).toEqual([]);
        // Every item of the navigation is on the screen (wrapped, not scrolled off to the side).
        const tabs = clerk.page.locator('.mainnav a');
        for (let i = 0; i < (await tabs.count()); i++) {
          const box = await tabs.nth(i).boundingBox();
          expect(box && box.x >= 0 && box.x + box.width <= SMALL_PHONE.width).toBe(true);
        }
      }
      expect(seen).toEqual(
        Object.fromEntries(Object.keys(seen).map((path) => [path, { wider: 0, english: [] }])),
      );
      await clerk.page.goto('/app');
      await clerk.page.locator('.mainnav').getByRole('link', { name: 'ทะเบียนหนังสือส่ง' }).click();
      await clerk.page.waitForURL('**/app/register');
      expect(clerk.scriptErrors).toEqual([]);
    } finally {
      await clerk.context.close();
    }
  });

  it('the nine tabs of an administrator fit a phone, also without JavaScript', async () => {
    const admin = await signedIn(browser, server.baseUrl, 'admin', {
      viewport: SMALL_PHONE,
      javaScriptEnabled: false,
    });
    try {
      await admin.page.goto('/app/register');
      expect(await overflow(admin.page)).toBe(0);
      const tabs = admin.page.locator('.mainnav a');
      expect(await tabs.count()).toBe(9);
      const nav = await admin.page.locator('.mainnav').boundingBox();
      // Folded into at most four rows, every tab tappable where it stands.
      expect(nav!.height).toBeLessThan(4 * 48);
      for (let i = 0; i < 9; i++) {
        const box = await tabs.nth(i).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= SMALL_PHONE.width && box.height >= 24).toBe(true);
      }
    } finally {
      await admin.context.close();
    }
  });

  it('memo pages: the approver’s (with and without JavaScript) with its action card one tap away, the writer’s signed one, the mayor’s lists: within the screen, in Thai', async () => {
    const head = await signedIn(browser, server.baseUrl, 'somprasong', { viewport: SMALL_PHONE });
    const headNoScript = await signedIn(browser, server.baseUrl, 'somprasong', {
      viewport: SMALL_PHONE,
      javaScriptEnabled: false,
    });
    const writer = await signedIn(browser, server.baseUrl, 'amornrat', { viewport: SMALL_PHONE });
    const mayor = await signedIn(browser, server.baseUrl, 'kanok', { viewport: SMALL_PHONE });
    try {
      const seen: Record<string, { wider: number; english: string[] }> = {};
      for (const approver of [head, headNoScript]) {
        seen[approver === head ? 'approver /app/memos/…' : 'approver /app/memos/… (no script)'] = await check(
          approver.page,
          `/app/memos/${memoId}`,
        );
        // The action card is one tap away: a bar on the first screen jumps there.
        expect(await onFirstScreen(approver.page, '[data-jump-to-actions]')).toBe(true);
        await approver.page.locator('[data-jump-to-actions]').click();
        await waitFor(() => onFirstScreen(approver.page, '#actions h2'), 'the action card in view');
      }
      expect(await seriousViolations(head.page)).toEqual([]);
      seen['writer /app/memos/… (signed)'] = await check(writer.page, `/app/memos/${publishedMemoId}`);
      await writer.page.getByRole('link', { name: 'ไฟล์ PDF ที่ลงนามแล้ว' }).waitFor();
      seen['writer /app/memos/new'] = await check(writer.page, '/app/memos/new');
      seen['mayor /app'] = await check(mayor.page, '/app');
      seen['mayor /app/acted'] = await check(mayor.page, '/app/acted');
      expect(seen).toEqual(
        Object.fromEntries(Object.keys(seen).map((path) => [path, { wider: 0, english: [] }])),
      );
      expect(head.scriptErrors).toEqual([]);
    } finally {
      for (const s of [head, headNoScript, writer, mayor]) await s.context.close();
    }
  });
  it('the portal, a document and the verification pages fit the screen, in Thai', async () => {
    await citizenPage(async (page) => {
      const seen: Record<string, { wider: number; english: string[] }> = {};
      seen['/p/khampee'] = await check(page, '/p/khampee');
      expect(await seriousViolations(page)).toEqual([]);
      seen[publishedPath] = await check(page, publishedPath);
      expect(await seriousViolations(page)).toEqual([]);
      seen['/app/login?org=khampee'] = await check(page, '/app/login?org=khampee');
      seen['/verify'] = await check(page, '/verify');
      expect(await seriousViolations(page)).toEqual([]);
      expect(seen).toEqual(
        Object.fromEntries(Object.keys(seen).map((path) => [path, { wider: 0, english: [] }])),
      );
    });
  });

  it('errors are Thai pages: a mistyped code, an unknown organisation, a missing document or page', async () => {
    await citizenPage(async (page) => {
      const seen: Record<string, { wider: number; english: string[] }> = {};
      seen['/verify/ABCDE12345'] = await check(page, '/verify/ABCDE12345', 404);
      await expect(page.locator('h1').textContent()).resolves.toContain('ตรวจสอบเอกสาร');
      await expect(page.locator('main').textContent()).resolves.toContain('ไม่พบเอกสารที่มีรหัสตรวจสอบนี้');
      // The code box is there to type it again.
      await expect(page.getByLabel('รหัสตรวจสอบใต้คิวอาร์โค้ด').inputValue()).resolves.toBe('ABCDE12345');
      seen['/p/nowhere'] = await check(page, '/p/nowhere', 404);
      seen[`/p/khampee/documents/${randomUUID()}`] = await check(
        page,
        `/p/khampee/documents/${randomUUID()}`,
        404,
      );
      seen['/p/khampee/documents/not-a-uuid'] = await check(page, '/p/khampee/documents/not-a-uuid', 404);
      expect(seen).toEqual(
        Object.fromEntries(Object.keys(seen).map((path) => [path, { wider: 0, english: [] }])),
      );
    });
    const clerk = await signedIn(browser, server.baseUrl, 'saranya', { viewport: SMALL_PHONE });
    try {
      expect(await check(clerk.page, '/app/nowhere', 404)).toEqual({ wider: 0, english: [] });
      expect(await check(clerk.page, `/app/memos/${randomUUID()}`, 404)).toEqual({ wider: 0, english: [] });
    } finally {
      await clerk.context.close();
    }
  });

  it('the code printed under the QR is typed into a box on the verification page', async () => {
    await citizenPage(async (page) => {
      await page.goto(publishedPath);
      const code = (await page.locator('[data-verification-code]').textContent())?.trim() ?? '';
      expect(code).toMatch(/^[A-Z0-9]{6,}$/);
      await page.goto('/verify');
      // Typed as people copy it from paper: lower case, with spaces.
      await page
        .getByLabel('รหัสตรวจสอบใต้คิวอาร์โค้ด')
        .fill(` ${code.toLowerCase().slice(0, 5)} ${code.toLowerCase().slice(5)} `);
      await Promise.all([
        page.waitForURL(`**/verify/${code}`),
        page.getByRole('button', { name: 'ตรวจสอบรหัส' }).click(),
      ]);
      await page.getByRole('heading', { name: /เอกสารถูกต้อง/ }).waitFor();
      await expect(page.locator('main').textContent()).resolves.toContain(subject);
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  it('the document page: each opinion once, no empty line, each version with its state and time', async () => {
    await citizenPage(async (page) => {
      await page.goto(publishedPath);
      const items = await page.locator('ol.chain > li').allTextContents();
      expect(items.length).toBe(4);
      for (const item of items) {
        expect(item.trim().length).toBeGreaterThan(0);
        expect(item).not.toMatch(/:\s*ความเห็นของ/);
        expect(item).not.toMatch(/·\s*·/);
      }
      expect(items[0]).toContain('ผู้เสนอ');
      expect(items[1]).toContain('ความเห็นของหัวหน้าสำนักปลัด');
      expect(items[3]).toContain('อนุมัติ');
      const versions = await page.locator('[data-versions] li').allTextContents();
      expect(versions.length).toBeGreaterThan(0);
      for (const v of versions) {
        expect(v).not.toMatch(/·\s*·|·\s*$/);
        expect(v).toContain('เผยแพร่');
      }
      // The list says each document's state too.
      await page.goto('/p/khampee');
      await expect(page.locator('td[data-label="สถานะ"]').first().textContent()).resolves.toBe('เผยแพร่');
    });
  });
  it('a report is filed under the fiscal year it reports on, chosen when it is marked for publication', async () => {
    const lastYear = fiscalYearOf(new Date()) - 1;
    const report = 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมประจำปีที่แล้ว';
    const writer = await signedIn(browser, server.baseUrl, 'amornrat', { viewport: SMALL_PHONE });
    let id: string;
    try {
      const page = writer.page;
      await page.goto('/app/memos/new');
      await page.getByLabel('เรื่อง').fill(report);
      await page.getByRole('button', { name: '+ ย่อหน้า' }).click();
      await page
        .locator('[data-blocks] textarea')
        .first()
        .fill('งานนิติการขอรายงานผลการดำเนินการตามมาตรการครบถ้วนแล้ว');
      await page.getByLabel('เผยแพร่บนเว็บไซต์ของหน่วยงานเมื่อผู้บริหารสั่งการแล้ว').check();
      await page.getByLabel('หมวดข้อมูลเปิดเผยต่อสาธารณะ').selectOption('o28');
      // The years offered: the decision's by default, this year and the two before, in พ.ศ.
      const year = page.getByLabel('ปีงบประมาณที่รายงาน');
      await expect(year.locator('option:checked').textContent()).resolves.toBe('ตามวันที่ผู้บริหารสั่งการ');
      await expect(year.locator('option').allTextContents()).resolves.toContain(
        `ปีงบประมาณ พ.ศ. ${thaiNumber(lastYear)}`,
      );
      await year.selectOption(String(lastYear));
      expect(await overflow(page)).toBe(0);
      await Promise.all([
        page.waitForURL('**/app/memos/*/submit'),
        page.getByRole('button', { name: 'ส่งเสนอ', exact: true }).click(),
      ]);
      await Promise.all([
        page.waitForURL('**/app/memos/*?done=submitted'),
        page.getByRole('button', { name: 'ยืนยันส่งเสนอและออกเลขที่' }).click(),
      ]);
      id = new URL(page.url()).pathname.split('/').pop() ?? '';
    } finally {
      await writer.context.close();
    }
    const author = await ApiClient.signIn(server.baseUrl, 'amornrat');
    await expect(
      author.call<{ publishFiscalYear: number | null }>('GET', `/memos/${id}`),
    ).resolves.toMatchObject({
      publishFiscalYear: lastYear,
    });
    const head = await ApiClient.signIn(server.baseUrl, 'somprasong');
    await head.call('POST', `/memos/${id}/endorse`, { opinion: 'เห็นควรทราบ' });
    await head.call('POST', `/memos/${id}/endorse`, { opinion: 'เห็นควรทราบ' });
    await (
      await ApiClient.signIn(server.baseUrl, 'kanok')
    ).call('POST', `/memos/${id}/decide`, {
      order: 'noted',
      text: null,
    });
    await citizenPage(async (page) => {
      await waitFor(
        async () => {
          await page.goto(`/p/khampee?fy=${lastYear}`);
          return (await page.getByRole('link', { name: report, exact: true }).count()) > 0;
        },
        'the report under last fiscal year',
        { timeoutMs: 90_000, intervalMs: 500 },
      );
      await page.goto('/p/khampee');
      expect(await page.getByRole('link', { name: report, exact: true }).count()).toBe(0);
    });
  }, 150_000);
});
