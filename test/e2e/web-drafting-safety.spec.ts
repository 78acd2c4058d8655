import { ApiClient } from './api-client';
import { DESKTOP, PHONE, seriousViolations, signedIn } from './browser';
import { webWorld } from './web-world';

/**
 * Issue 14, item 1 (drafting): a memo without body takes no number, an emptied เรียน or closing is
 * refused with a message, ส่งเสนอ first shows the number it will take, the return reason heads the
 * form while revising, and a number typed in a numbered item is not printed twice. Each test runs
 * on a phone and on a desktop viewport.
 */
describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('web: drafting safeguards (%s)', (_name, viewport) => {
  const w = webWorld();

  it('refuses to submit a memo without body, in the form and in the API, and takes no number', async () => {
    const { context, page, scriptErrors } = await signedIn(w.browser, w.server.baseUrl, 'amornrat', {
      viewport,
    });
    try {
      await page.goto('/app/memos/new');
      await page.getByLabel('เรื่อง').fill('ขออนุมัติจัดซื้อวัสดุ (ไม่มีเนื้อหา)');
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/app/memos')),
        page.getByRole('button', { name: 'ส่งเสนอ', exact: true }).click(),
      ]);
      expect(response.status()).toBe(400);
      await expect(page.locator('#blocks-error').textContent()).resolves.toContain('ยังไม่มีเนื้อหา');
      // What was typed is still there.
      await expect(page.getByLabel('เรื่อง').inputValue()).resolves.toBe('ขออนุมัติจัดซื้อวัสดุ (ไม่มีเนื้อหา)');
      expect(await seriousViolations(page)).toEqual([]);
      expect(scriptErrors).toEqual([]);

      // The API refuses the same memo with an English code and a Thai message; no number is taken.
      const api = await ApiClient.signIn(w.server.baseUrl, 'amornrat');
      const memo = await api.call<{ id: string }>('POST', '/memos', { subject: 'บันทึกไม่มีเนื้อหา' });
      const refused = await api.raw('POST', `/memos/${memo.id}/submit`);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        code: 'MEMO_INCOMPLETE',
        details: [{ field: 'body', problems: [expect.stringContaining('ยังไม่มีเนื้อหา')] }],
      });
      const state = await api.call<{ status: string; documentNo: string | null }>(
        'GET',
        `/memos/${memo.id}/approval`,
      );
      expect(state).toMatchObject({ status: 'draft', documentNo: null });
    } finally {
      await context.close();
    }
  });

  it('refuses an emptied เรียน and closing with a message beside each, instead of quietly keeping the old ones', async () => {
    const { context, page } = await signedIn(w.browser, w.server.baseUrl, 'amornrat', { viewport });
    try {
      await page.goto('/app/memos/new');
      await page.getByLabel('เรื่อง').fill('แจ้งกำหนดการประชุมประจำเดือน');
      await Promise.all([
        page.waitForURL('**/edit?done=created'),
        page.getByRole('button', { name: 'บันทึกร่าง' }).last().click(),
      ]);
      const editUrl = new URL(page.url()).pathname;
      await page.getByLabel('เรียน', { exact: true }).fill('');
      await page.getByLabel('ข้อความปิดท้าย').fill('  ');
      await page.getByRole('button', { name: 'บันทึกร่าง' }).last().click();
      await page.locator('#addressee-error').waitFor();
      await expect(page.locator('#addressee-error').textContent()).resolves.toContain('เว้นว่างไม่ได้');
      await expect(page.locator('#closing-error').textContent()).resolves.toContain('เว้นว่างไม่ได้');
      await expect(page.getByLabel('เรียน', { exact: true }).getAttribute('aria-invalid')).resolves.toBe(
        'true',
      );
      expect(await seriousViolations(page)).toEqual([]);
      // Nothing was stored: the draft still has its เรียน and closing.
      await page.goto(editUrl);
      await expect(page.getByLabel('เรียน', { exact: true }).inputValue()).resolves.toBe(
        'นายกองค์การบริหารส่วนตำบลคำพี่',
      );
      await expect(page.getByLabel('ข้อความปิดท้าย').inputValue()).resolves.toBe('จึงเรียนมาเพื่อโปรดพิจารณา');
    } finally {
      await context.close();
    }
  });

  it('shows the number about to be taken before ส่งเสนอ takes it, and a typed "๑." is not printed twice', async () => {
    const { context, page, scriptErrors } = await signedIn(w.browser, w.server.baseUrl, 'amornrat', {
      viewport,
    });
    try {
      await page.goto('/app/memos/new');
      await page.getByLabel('เรื่อง').fill('รายงานผลการดำเนินงานตามแผนปฏิบัติราชการ');
      await page.getByRole('button', { name: '+ ข้อย่อยมีเลขลำดับ' }).click();
      await page.locator('[data-blocks] textarea').first().fill('๑. รายงานผลต่อนายก\n2) เผยแพร่บนเว็บไซต์');
      await Promise.all([
        page.waitForURL(/\/app\/memos\/[0-9a-f-]+\/submit$/),
        page.getByRole('button', { name: 'ส่งเสนอ', exact: true }).click(),
      ]);
      const memoPath = new URL(page.url()).pathname.replace(/\/submit$/, '');
      const shown = (await page.locator('[data-document-no]').textContent()) ?? '';
      expect(shown).toMatch(/^นพ ๗๑๕๐๑\/[๐-๙]+$/);
      await expect(page.locator('#number-preview').textContent()).resolves.toMatch(
        /ลงวันที่ [๐-๙]+ \S+ [๐-๙]{4}/,
      );
      expect(await seriousViolations(page)).toEqual([]);

      // Nothing is numbered yet: the memo is still a draft.
      await page.goto(memoPath);
      await expect(page.locator('#memo-badge').textContent()).resolves.not.toContain('ที่ ');
      await expect(page.locator('.memo-paper ol li').allTextContents()).resolves.toEqual([
        'รายงานผลต่อนายก',
        'เผยแพร่บนเว็บไซต์',
      ]);
      await Promise.all([
        page.waitForURL(`**${memoPath}/submit`),
        page.getByRole('link', { name: 'ส่งเสนอ', exact: true }).click(),
      ]);
      await Promise.all([
        page.waitForURL(`**${memoPath}?done=submitted`),
        page.getByRole('button', { name: 'ยืนยันส่งเสนอและออกเลขที่' }).click(),
      ]);
      await expect(page.locator('#memo-badge').textContent()).resolves.toContain(`ที่ ${shown}`);
      expect(scriptErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('puts the return reason at the top of the form while the writer revises', async () => {
    const api = await ApiClient.signIn(w.server.baseUrl, 'amornrat');
    const head = await ApiClient.signIn(w.server.baseUrl, 'somprasong');
    const id = await api.submittedMemo('ขออนุมัติเดินทางไปราชการ');
    await head.call('POST', `/memos/${id}/return`, { reason: 'กรุณาระบุวันเดินทางและค่าใช้จ่ายโดยประมาณ' });
    const { context, page } = await signedIn(w.browser, w.server.baseUrl, 'amornrat', { viewport });
    try {
      await page.goto(`/app/memos/${id}/edit`);
      const notice = page.locator('#return-reason');
      await expect(notice.locator('[data-return-reason]').textContent()).resolves.toBe(
        'กรุณาระบุวันเดินทางและค่าใช้จ่ายโดยประมาณ',
      );
      // At the top: above the first field, in the first screenful.
      const noticeBox = await notice.boundingBox();
      const subjectBox = await page.getByLabel('เรื่อง').boundingBox();
      expect(noticeBox && subjectBox && noticeBox.y < subjectBox.y).toBe(true);
      expect(noticeBox && noticeBox.y < viewport.height).toBe(true);
      // The resubmission keeps its number and says so before it goes.
      await Promise.all([
        page.waitForURL(`**/app/memos/${id}/submit`),
        page.getByRole('button', { name: 'ส่งเสนอใหม่' }).click(),
      ]);
      await expect(page.locator('#number-preview').textContent()).resolves.toContain('ใช้เลขที่หนังสือเดิม');
      await Promise.all([
        page.waitForURL(`**/app/memos/${id}?done=resubmitted`),
        page.getByRole('button', { name: 'ยืนยันส่งเสนอใหม่' }).click(),
      ]);
    } finally {
      await context.close();
    }
  });
});
