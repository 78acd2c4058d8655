import { DESKTOP, PHONE, seriousViolations, signedIn, onScreen } from './browser';
import { webWorld } from './web-world';

/**
 * Issue 14, item 2 (a pasted table): a refusal shows beside the field, in view, with the title and
 * the pasted text kept; plain text is refused with guidance; the table can be seen as it was read
 * before it is added. On a phone and on a desktop viewport.
 */
describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('web: pasting a table (%s)', (_name, viewport) => {
  const w = webWorld({ api: 'amornrat' });

  async function draft(subject: string): Promise<string> {
    const memo = await w.api.call<{ id: string }>('POST', '/memos', {
      subject,
      body: [{ type: 'paragraph', text: 'รายงานผลตามตารางแนบท้าย' }],
    });
    return memo.id;
  }

  it('shows a ragged row refused beside the field, in view, with the title and the pasted text kept', async () => {
    const id = await draft('รายงานผลการดำเนินการตามมาตรการ (แถวไม่ครบ)');
    const { context, page, scriptErrors } = await signedIn(w.browser, w.server.baseUrl, 'amornrat', {
      viewport,
    });
    try {
      await page.goto(`/app/memos/${id}/edit`);
      const ragged = 'มาตรการ\tผล\nNo Gift Policy\tดำเนินการแล้ว\tเกินมา\n';
      await page.getByLabel('ชื่อตาราง').fill('ผลการดำเนินการตามมาตรการ');
      await page.getByLabel('ข้อมูลตาราง').fill(ragged);
      const [response] = await Promise.all([
        page.waitForResponse(
          (r) => r.request().method() === 'POST' && r.url().includes('/attachments/table'),
        ),
        page.getByRole('button', { name: 'เพิ่มตาราง' }).click(),
      ]);
      expect(response.status()).toBe(400);
      await page.waitForLoadState();
      const error = page.locator('#table-error');
      await expect(error.textContent()).resolves.toContain('แถวที่ 1 มี 3 ช่อง');
      expect(await onScreen(error)).toBe(true);
      expect(await onScreen(page.getByLabel('ข้อมูลตาราง'))).toBe(true);
      await expect(page.getByLabel('ชื่อตาราง').inputValue()).resolves.toBe('ผลการดำเนินการตามมาตรการ');
      await expect(page.getByLabel('ข้อมูลตาราง').inputValue()).resolves.toBe(ragged);
      expect(await seriousViolations(page)).toEqual([]);
      expect(scriptErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps a title of several lines (a report cover) and refuses one the API would refuse, in its words', async () => {
    const id = await draft('รายงานผลการดำเนินการ (ชื่อตารางหลายบรรทัด)');
    const { context, page } = await signedIn(w.browser, w.server.baseUrl, 'amornrat', { viewport });
    try {
      await page.goto(`/app/memos/${id}/edit`);
      await page.getByLabel('ชื่อตาราง').fill('ก'.repeat(301));
      await page.getByLabel('ข้อมูลตาราง').fill('มาตรการ\tผล\nNo Gift Policy\tดำเนินการแล้ว\n');
      await page.getByRole('button', { name: 'เพิ่มตาราง' }).click();
      await page.locator('#table-error').waitFor();
      await expect(page.locator('#table-error').textContent()).resolves.toContain('ชื่อตารางยาวเกิน 300 ตัวอักษร');
      const { attachments } = await w.api.call<{ attachments: unknown[] }>('GET', `/memos/${id}/attachments`);
      expect(attachments).toEqual([]);

      const cover = 'รายงานผลการดำเนินการ\nองค์การบริหารส่วนตำบลคำพี่ อำเภอนาแก\nจังหวัดนครพนม';
      await page.getByLabel('ชื่อตาราง').fill(cover);
      await page.getByRole('button', { name: 'เพิ่มตาราง' }).click();
      await page.waitForURL(/done=attached/);
      const added = await w.api.call<{ attachments: { title: string }[] }>('GET', `/memos/${id}/attachments`);
      expect(added.attachments.map((a) => a.title)).toEqual([cover]);
    } finally {
      await context.close();
    }
  });

  it('moves and removes an attachment from the edit page; a page left open on an older version is told', async () => {
    const id = await draft('รายงานผลการดำเนินการ (จัดลำดับสิ่งที่แนบ)');
    for (const title of ['ตาราง ก', 'ตาราง ข']) {
      await w.api.call('POST', `/memos/${id}/attachments/table`, { title, columns: ['x'], rows: [['1']] });
    }
    const titles = async () =>
      (
        await w.api.call<{ attachments: { title: string }[] }>('GET', `/memos/${id}/attachments`)
      ).attachments.map((a) => a.title);
    const { context, page } = await signedIn(w.browser, w.server.baseUrl, 'amornrat', { viewport });
    page.on('dialog', (dialog) => void dialog.accept());
    try {
      await page.goto(`/app/memos/${id}/edit`);
      await page.getByRole('button', { name: 'เลื่อน ตาราง ก ลง' }).click();
      await page.waitForURL(/done=reordered/);
      expect(await titles()).toEqual(['ตาราง ข', 'ตาราง ก']);

      // Someone else changes the memo: this page's version is now an old one.
      await w.api.call('POST', `/memos/${id}/attachments/table`, {
        title: 'ตาราง ค',
        columns: ['x'],
        rows: [],
      });
      const [stale] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/delete')),
        page.getByRole('button', { name: 'นำออก ตาราง ก' }).click(),
      ]);
      expect(stale.status()).toBe(409);
      expect(await titles()).toEqual(['ตาราง ข', 'ตาราง ก', 'ตาราง ค']);

      await page.goto(`/app/memos/${id}/edit`);
      await page.getByRole('button', { name: 'นำออก ตาราง ก' }).click();
      await page.waitForURL(/done=detached/);
      expect(await titles()).toEqual(['ตาราง ข', 'ตาราง ค']);
    } finally {
      await context.close();
    }
  });

  it('refuses plain text without cells with guidance, and adds nothing', async () => {
    const id = await draft('รายงานผลการดำเนินการ (ข้อความธรรมดา)');
    const { context, page } = await signedIn(w.browser, w.server.baseUrl, 'amornrat', { viewport });
    try {
      await page.goto(`/app/memos/${id}/edit`);
      await page.getByLabel('ชื่อตาราง').fill('ผลการดำเนินการ');
      await page.getByLabel('ข้อมูลตาราง').fill('ดำเนินการครบทุกมาตรการแล้ว\nรายละเอียดตามเอกสารแนบ');
      await page.getByRole('button', { name: 'เพิ่มตาราง' }).click();
      await page.locator('#table-error').waitFor();
      await expect(page.locator('#table-error').textContent()).resolves.toContain('ไม่ใช่ตาราง');
      await expect(page.locator('#table-error').textContent()).resolves.toContain('Excel');
      await expect(page.locator('#attachments').textContent()).resolves.toContain('ยังไม่มีสิ่งที่แนบ');
      const { attachments } = await w.api.call<{ attachments: unknown[] }>('GET', `/memos/${id}/attachments`);
      expect(attachments).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the table as it was read before adding it', async () => {
    const id = await draft('รายงานผลการดำเนินการ (ดูตัวอย่างก่อน)');
    const { context, page, scriptErrors } = await signedIn(w.browser, w.server.baseUrl, 'amornrat', {
      viewport,
    });
    try {
      await page.goto(`/app/memos/${id}/edit`);
      await page.getByLabel('ชื่อตาราง').fill('ผลการดำเนินการตามมาตรการ');
      await page
        .getByLabel('ข้อมูลตาราง')
        .fill('ลำดับ\tมาตรการ\tผล\n1\tNo Gift Policy\t"ดำเนินการ\nครบถ้วน"\n2\tประเมินความเสี่ยง\tดำเนินการแล้ว');
      await page.getByRole('button', { name: 'ดูตัวอย่างตาราง' }).click();
      const preview = page.locator('#table-preview');
      await preview.waitFor();
      await expect(preview.locator('[data-table-shape]').textContent()).resolves.toBe('๓ คอลัมน์ × ๒ แถว');
      await expect(preview.locator('th').allTextContents()).resolves.toEqual(['ลำดับ', 'มาตรการ', 'ผล']);
      await expect(preview.locator('tbody tr').nth(0).locator('td').nth(2).textContent()).resolves.toBe(
        'ดำเนินการ\nครบถ้วน',
      );
      // Not added yet; the text is still in the box, ready to add.
      await expect(page.locator('#attachments .attach-list').count()).resolves.toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await Promise.all([
        page.waitForURL('**done=attached**'),
        page.getByRole('button', { name: 'เพิ่มตาราง' }).click(),
      ]);
      await expect(page.locator('.attach-list > li').textContent()).resolves.toContain(
        'ตาราง ๓ คอลัมน์ × ๒ แถว',
      );
      expect(scriptErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
