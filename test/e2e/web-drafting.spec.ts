import { PHONE, samplePdf, seriousViolations, signedIn } from './browser';
import { attachPdf, attachTable } from './compose-page';
import { webWorld } from './web-world';

/** The officer's side of the interface in a real Chromium: sign-in, compose, attach, see the memo. */
describe('web: drafting in the browser', () => {
  const w = webWorld();

  it('sends a signed-out visitor to the sign-in page and back, and refuses a wrong password in Thai', async () => {
    const context = await w.browser.newContext({ baseURL: w.server.baseUrl });
    try {
      const page = await context.newPage();
      await page.goto('/app/memos/mine');
      expect(new URL(page.url()).pathname).toBe('/app/login');
      await page.getByLabel('รหัสหน่วยงาน').fill('khampee');
      await page.getByLabel('ชื่อผู้ใช้').fill('amornrat');
      await page.getByLabel('รหัสผ่าน').fill('wrong');
      await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
      await expect(page.getByRole('alert').textContent()).resolves.toContain('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง');
      await page.getByLabel('รหัสผ่าน').fill('demo-password');
      await Promise.all([
        page.waitForURL('**/app/memos/mine'),
        page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click(),
      ]);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('บันทึกของฉัน');
      // An address that does not exist is a Thai page, not JSON.
      const missing = await page.goto('/app/no-such-page');
      expect(missing?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('ไม่พบหน้าที่ต้องการ');
      // The JSON API still answers 401 with a body, not a redirect.
      const api = await context.request.get('/memos?mine=true', { headers: { cookie: '' } });
      expect([200, 401]).toContain(api.status());
    } finally {
      await context.close();
    }
  });

  it('composes every part of a memo with the script: blocks added, reordered and removed in place', async () => {
    const { context, page, scriptErrors } = await signedIn(w.browser, w.server.baseUrl, 'amornrat', {
      viewport: PHONE,
    });
    try {
      await page.goto('/app/memos/new');
      expect(await page.getByLabel('ส่วนราชการ').inputValue()).toContain('งานนิติการ');
      expect(await page.getByLabel('เรียน', { exact: true }).inputValue()).toBe('นายกองค์การบริหารส่วนตำบลคำพี่');
      await page.getByLabel('เรื่อง').fill('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส');
      await page.getByRole('button', { name: '+ ย่อหน้า' }).click();
      await page.getByRole('button', { name: '+ หัวข้อ' }).click();
      await page.getByRole('button', { name: '+ ข้อย่อยมีเลขลำดับ' }).click();
      // No reload happened: the three blocks are in the page and numbered.
      const texts = page.locator('[data-blocks] textarea');
      await expect(texts.count()).resolves.toBe(3);
      await texts.nth(0).fill('ตามที่องค์การบริหารส่วนตำบลคำพี่ได้ประกาศมาตรการ <script>alert(1)</script>');
      await texts.nth(1).fill('ข้อเท็จจริง');
      await texts.nth(2).fill('รายงานผลต่อนายก\nเผยแพร่บนเว็บไซต์');
      // The heading goes first.
      await page
        .locator('[data-blocks] > li')
        .nth(1)
        .getByRole('button', { name: /เลื่อนส่วนที่ ๒ ขึ้น/ })
        .click();
      await expect(texts.nth(0).inputValue()).resolves.toBe('ข้อเท็จจริง');
      await page.getByRole('button', { name: '+ ย่อหน้า' }).click();
      await page.locator('[data-blocks] > li').nth(3).getByRole('button', { name: /ลบ/ }).click();
      await expect(texts.count()).resolves.toBe(3);
      await page.getByLabel('ชั้นความเร็ว').selectOption('urgent');
      await page.getByLabel('เผยแพร่บนเว็บไซต์ของหน่วยงานเมื่อผู้บริหารสั่งการแล้ว').check();
      await page.getByLabel('หมวดข้อมูลเปิดเผยต่อสาธารณะ').selectOption('o28');

      expect(await seriousViolations(page)).toEqual([]);
      await Promise.all([
        page.waitForURL('**/edit?done=created'),
        page.getByRole('button', { name: 'บันทึกร่าง' }).last().click(),
      ]);
      await expect(page.getByRole('status').first().textContent()).resolves.toContain('สร้างร่างบันทึกข้อความแล้ว');
      const edited = page.locator('[data-blocks] textarea');
      await expect(edited.nth(0).inputValue()).resolves.toBe('ข้อเท็จจริง');
      await expect(edited.nth(2).inputValue()).resolves.toBe('รายงานผลต่อนายก\nเผยแพร่บนเว็บไซต์');

      // Attach a PDF and a table pasted from a spreadsheet (a quoted cell with a line break).
      await attachPdf(page, 'ประกาศมาตรการ', { name: 'prakat.pdf', buffer: await samplePdf(2) });
      await attachTable(
        page,
        'ผลการดำเนินการตามมาตรการ',
        'ลำดับ\tมาตรการ\tผล\n1\tNo Gift Policy\t"ดำเนินการ\nครบถ้วน"\n2\tประเมินความเสี่ยง\tดำเนินการแล้ว',
      );
      const attachments = page.locator('.attach-list > li');
      await expect(attachments.count()).resolves.toBe(2);
      await expect(attachments.nth(0).textContent()).resolves.toContain('PDF ๒ หน้า');
      await expect(attachments.nth(1).textContent()).resolves.toContain('ตาราง ๓ คอลัมน์ × ๒ แถว');
      // A file that is not a PDF is refused on the page, in Thai.
      await page
        .getByLabel('ไฟล์ PDF')
        .setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') });
      await page.getByRole('button', { name: 'แนบไฟล์' }).click();
      await expect(page.locator('#attachments [role=alert]').textContent()).resolves.toContain('PDF');

      // The memo page shows the paper, with what was typed as text (never markup).
      await Promise.all([
        page.waitForURL(/\/app\/memos\/[0-9a-f-]+$/),
        page.getByRole('link', { name: 'ดูบันทึก' }).click(),
      ]);
      const paper = page.locator('.memo-paper');
      await expect(paper.textContent()).resolves.toContain('<script>alert(1)</script>');
      await expect(paper.locator('ol li').allTextContents()).resolves.toEqual([
        'รายงานผลต่อนายก',
        'เผยแพร่บนเว็บไซต์',
      ]);
      await expect(paper.locator('.stamp').textContent()).resolves.toBe('ด่วน');
      expect(await seriousViolations(page)).toEqual([]);
      expect(scriptErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('works without JavaScript: blocks are added by the server and the draft saves', async () => {
    const { context, page } = await signedIn(w.browser, w.server.baseUrl, 'amornrat', {
      javaScriptEnabled: false,
    });
    try {
      await page.goto('/app/memos/new');
      await page.getByLabel('เรื่อง').fill('ขออนุมัติจัดซื้อวัสดุสำนักงาน');
      await page.getByRole('button', { name: '+ ย่อหน้า' }).click();
      await page.waitForLoadState();
      await page.locator('[data-blocks] textarea').first().fill('ด้วยงานนิติการมีความจำเป็นต้องจัดซื้อวัสดุสำนักงาน');
      await page.getByRole('button', { name: '+ หัวข้อ' }).click();
      await page.waitForLoadState();
      await expect(page.locator('[data-blocks] textarea').count()).resolves.toBe(2);
      await expect(page.getByLabel('เรื่อง').inputValue()).resolves.toBe('ขออนุมัติจัดซื้อวัสดุสำนักงาน');
      await page.locator('[data-blocks] textarea').nth(1).fill('ข้อเสนอ');
      await Promise.all([
        page.waitForURL('**/edit?done=created'),
        page.getByRole('button', { name: 'บันทึกร่าง' }).last().click(),
      ]);
      await page.goto('/app/memos/mine');
      await expect(page.locator('.memo-list').textContent()).resolves.toContain('ขออนุมัติจัดซื้อวัสดุสำนักงาน');
    } finally {
      await context.close();
    }
  });
});
