import type { Browser, Page } from 'playwright-core';
import { bangkokDateString, formatTypedDay } from '@saraban/thai-format';
import { ApiClient } from './api-client';
import { DESKTOP, PHONE, seriousViolations, signedIn, type Session } from './browser';
import { webWorld } from './web-world';

interface InboxItem {
  memoId: string;
  dueAt: string | null;
}

/** A fresh profile on the sign-in page, signing in; `signedIn` says whether it let the person in. */
async function signIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  password: string,
  viewport: { width: number; height: number },
): Promise<{ page: Page; close: () => Promise<void>; signedIn: boolean }> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'th-TH', viewport });
  const page = await context.newPage();
  await page.goto('/app/login?org=khampee');
  await page.getByLabel('ชื่อผู้ใช้').fill(username);
  await page.getByLabel('รหัสผ่าน').fill(password);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click()]);
  const signedIn = !new URL(page.url()).pathname.startsWith('/app/login');
  return { page, close: () => context.close(), signedIn };
}

/** Whether the sign-in page lets the person in (the profile is closed again). */
async function canSignIn(
  browser: Browser,
  baseUrl: string,
  username: string,
  password: string,
  viewport: { width: number; height: number },
): Promise<boolean> {
  const attempt = await signIn(browser, baseUrl, username, password, viewport);
  await attempt.close();
  return attempt.signedIn;
}

/** Submits the form a button belongs to and waits for the page the server answers. */
async function submit(page: Page, button: ReturnType<Page['getByRole']>): Promise<void> {
  await Promise.all([page.waitForNavigation(), button.click()]);
}

/** The organisation file as the administrator's page shows it for editing. */
async function exportedYaml(page: Page): Promise<string> {
  await page.goto('/app/admin');
  return page.getByLabel('ไฟล์ข้อมูลองค์กร', { exact: true }).inputValue();
}

/** The Bangkok day of an instant, as an ISO day. */
function bangkokDay(iso: string): string {
  return bangkokDateString(new Date(iso));
}

/** Issue 14 item 9: the organisation's administration in Thai forms that edit the same data as its YAML file. */
describe('web: the administrator’s forms', () => {
  const w = webWorld();

  const viewports = [
    { name: 'desktop', viewport: DESKTOP, tag: 'd', acting: 'wichai' },
    { name: 'phone', viewport: PHONE, tag: 'p', acting: 'saranya' },
  ];

  for (const { name, viewport, tag, acting } of viewports) {
    it(`${name}: adds a person who signs in, resets the password, deactivates the person; the file shows it`, async () => {
      const admin = await signedIn(w.browser, w.server.baseUrl, 'admin', { viewport });
      const page = admin.page;
      await page.goto('/app/admin');
      await page.getByRole('link', { name: 'บุคลากร', exact: true }).click();
      await page.waitForURL('**/app/admin/people');
      expect(await seriousViolations(page)).toEqual([]);

      // A wrong user name and a short password: both refused next to their fields, the rest kept.
      const form = page.locator('form[action="/app/admin/people"]');
      await form.getByLabel('คำนำหน้าชื่อ').fill('นางสาว');
      await form.getByLabel('ชื่อ-สกุล').fill(`สมศรี ใจดี${tag}`);
      await form.getByLabel('ชื่อผู้ใช้').fill('Somsri Jaidee');
      await form.getByLabel('สังกัดส่วนราชการ').selectOption('legal');
      await form.getByLabel('ตำแหน่ง', { exact: true }).selectOption('legal-officer');
      await form.getByLabel('กำหนดรหัสผ่านเอง').check();
      await form.getByLabel('รหัสผ่าน (ถ้ากำหนดเอง)').fill('short');
      await submit(page, form.getByRole('button', { name: 'เพิ่มบุคลากร' }));
      const refused = page.locator('form[action="/app/admin/people"]');
      await expect(refused.locator('#add-person-username-error').textContent()).resolves.toContain(
        'ชื่อผู้ใช้ต้องเป็น a-z, 0-9, . _ -',
      );
      await expect(refused.locator('#add-person-password-error').textContent()).resolves.toContain(
        'รหัสผ่านต้องยาวอย่างน้อย 8 ตัวอักษร',
      );
      await expect(refused.getByLabel('ชื่อ-สกุล').inputValue()).resolves.toBe(`สมศรี ใจดี${tag}`);
      await expect(refused.getByLabel('ชื่อผู้ใช้').inputValue()).resolves.toBe('Somsri Jaidee');
      await expect(refused.getByLabel('สังกัดส่วนราชการ').inputValue()).resolves.toBe('legal');
      await expect(refused.getByLabel('ตำแหน่ง', { exact: true }).inputValue()).resolves.toBe('legal-officer');
      await expect(refused.getByLabel('กำหนดรหัสผ่านเอง').isChecked()).resolves.toBe(true);
      await expect(refused.getByLabel('ชื่อผู้ใช้').getAttribute('aria-invalid')).resolves.toBe('true');
      expect(await seriousViolations(page)).toEqual([]);

      const username = `somsri-${tag}`;
      await refused.getByLabel('ชื่อผู้ใช้').fill(username);
      await refused.getByLabel('รหัสผ่าน (ถ้ากำหนดเอง)').fill('first-password-1');
      await submit(page, refused.getByRole('button', { name: 'เพิ่มบุคลากร' }));
      expect(page.url()).toContain('done=person-added');
      const row = page.locator(`[data-person="${username}"]`);
      await expect(row.textContent()).resolves.toContain('นิติกรปฏิบัติการ');
      const newcomer = await signIn(w.browser, w.server.baseUrl, username, 'first-password-1', viewport);
      expect(newcomer.signedIn).toBe(true);
      await expect(newcomer.page.locator('.who').textContent()).resolves.toContain(`สมศรี ใจดี${tag}`);

      // A new password made by the system, shown once on the page that set it.
      await row.getByText('จัดการบัญชี').click();
      await submit(page, row.getByRole('button', { name: /ตั้งรหัสผ่านใหม่/ }));
      const shown = (await page.locator('#shown-password [data-password]').textContent()) ?? '';
      expect(shown).toMatch(/^[A-Za-z0-9]{12}$/);
      expect(page.url()).not.toContain(shown);
      expect(await seriousViolations(page)).toEqual([]);
      expect(await canSignIn(w.browser, w.server.baseUrl, username, shown, viewport)).toBe(true);
      expect(await canSignIn(w.browser, w.server.baseUrl, username, 'first-password-1', viewport)).toBe(
        false,
      );
      // Signed in with the old password elsewhere: signed out.
      await newcomer.page.goto('/app');
      expect(new URL(newcomer.page.url()).pathname).toBe('/app/login');
      await newcomer.close();

      // Deactivated: the account no longer signs in.
      await page.goto('/app/admin/people');
      const again = page.locator(`[data-person="${username}"]`);
      await again.getByText('จัดการบัญชี').click();
      await submit(page, again.getByRole('button', { name: /ปิดใช้งานบัญชี/ }));
      expect(page.url()).toContain('done=person-deactivated');
      await expect(page.locator(`[data-person="${username}"]`).textContent()).resolves.toContain('ปิดใช้งาน');
      expect(await canSignIn(w.browser, w.server.baseUrl, username, shown, viewport)).toBe(false);

      // The organisation file says the same.
      const yaml = await exportedYaml(page);
      expect(yaml).toMatch(
        new RegExp(
          `- username: ${username}\\n\\s+prefix: นางสาว\\n\\s+fullName: สมศรี ใจดี${tag}\\n\\s+unit: legal\\n[\\s\\S]*?positions:\\n\\s+- legal-officer\\n\\s+active: false`,
        ),
      );
      expect(yaml).not.toContain('password');
      expect(admin.scriptErrors).toEqual([]);
      await admin.context.close();
    });

    it(`${name}: changes a chain, sets an acting order the acting line prints, adds a day off the deadlines skip`, async () => {
      const admin = await signedIn(w.browser, w.server.baseUrl, 'admin', { viewport });
      const page = admin.page;

      // The office's memos skip the chief administrator from now on.
      await page.goto('/app/admin/chains');
      expect(await seriousViolations(page)).toEqual([]);
      const office = page.locator('[data-chain="office"]');
      await office.getByText('แก้ไขสาย').click();
      await office.getByLabel('ขั้นที่ ๑', { exact: true }).selectOption('head-of-office');
      await office.getByLabel('ขั้นที่ ๒', { exact: true }).selectOption('mayor');
      await office.getByLabel('ขั้นที่ ๓', { exact: true }).selectOption('');
      await submit(page, office.getByRole('button', { name: /บันทึกสาย/ }));
      expect(page.url()).toContain('done=chain-saved');
      const route = page.locator('[data-chain="office"] ol.route');
      await expect(route.locator('li').allTextContents()).resolves.toEqual([
        'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล (สำนักปลัดองค์การบริหารส่วนตำบลคำพี่)',
        'นายกองค์การบริหารส่วนตำบลคำพี่',
      ]);
      const clerk = await ApiClient.signIn(w.server.baseUrl, 'saranya');
      const head = await ApiClient.signIn(w.server.baseUrl, 'somprasong');
      const mayor = await ApiClient.signIn(w.server.baseUrl, 'kanok');
      const officeMemo = await clerk.submittedMemo(`ขอซ่อมเครื่องถ่ายเอกสาร ${tag}`);
      await head.call('POST', `/memos/${officeMemo}/endorse`, { opinion: 'เห็นควรอนุมัติ' });
      const mayorsInbox = await mayor.call<{ items: InboxItem[] }>('GET', '/inbox');
      expect(mayorsInbox.items.map((i) => i.memoId)).toContain(officeMemo);

      // An acting order: a wrong day first (kept and explained), then the right one.
      await page.goto('/app/admin/acting');
      expect(await seriousViolations(page)).toEqual([]);
      const add = page.locator('form[action="/app/admin/acting"]');
      const reference = `คำสั่งองค์การบริหารส่วนตำบลคำพี่ ที่ ๙๙/๒๕๖๙ (${tag})`;
      await add.getByLabel('ผู้ได้รับคำสั่ง').selectOption(acting);
      await add.getByLabel('ในตำแหน่ง').selectOption('mayor');
      await add.getByLabel('ประเภท').selectOption({ label: 'รักษาราชการแทน' });
      await add.getByLabel('ตั้งแต่วันที่').fill('๓๑/๑๓/๒๕๖๙');
      await add.getByLabel('อ้างคำสั่ง').fill(reference);
      await submit(page, add.getByRole('button', { name: 'ออกคำสั่ง' }));
      const refused = page.locator('form[action="/app/admin/acting"]');
      await expect(refused.locator('#acting-from-error').textContent()).resolves.toContain('วันที่ไม่ถูกต้อง');
      await expect(refused.getByLabel('ตั้งแต่วันที่').inputValue()).resolves.toBe('๓๑/๑๓/๒๕๖๙');
      await expect(refused.getByLabel('อ้างคำสั่ง').inputValue()).resolves.toBe(reference);
      await expect(refused.getByLabel('ผู้ได้รับคำสั่ง').inputValue()).resolves.toBe(acting);
      expect(await seriousViolations(page)).toEqual([]);
      const today = bangkokDateString(new Date());
      await refused.getByLabel('ตั้งแต่วันที่').fill(formatTypedDay(today, 'thai'));
      await submit(page, refused.getByRole('button', { name: 'ออกคำสั่ง' }));
      expect(page.url()).toContain('done=acting-added');
      await expect(page.locator(`[data-acting-order="${acting}/mayor"]`).textContent()).resolves.toContain(
        reference,
      );

      // A legal memo reaches the mayor's step; the acting person's action card names the order.
      const writer = await ApiClient.signIn(w.server.baseUrl, 'amornrat');
      const legalMemo = await writer.submittedMemo(`ขออนุมัติจัดซื้อวัสดุสำนักงาน ${tag}`);
      await head.call('POST', `/memos/${legalMemo}/endorse`, { opinion: 'เห็นควรอนุมัติ' });
      await head.call('POST', `/memos/${legalMemo}/endorse`, { opinion: 'เห็นควรอนุมัติ' });
      const actor = await signedIn(w.browser, w.server.baseUrl, acting, { viewport });
      await actor.page.goto(`/app/memos/${legalMemo}`);
      const note = actor.page.locator('[data-acting-note]');
      await expect(note.textContent()).resolves.toContain('รักษาราชการแทน');
      await expect(note.textContent()).resolves.toContain(reference);
      await expect(actor.page.locator('[data-capacity-heading]').textContent()).resolves.toContain(
        'นายกองค์การบริหารส่วนตำบลคำพี่',
      );
      await actor.context.close();

      // A day off on the day a deadline falls: the next memo's deadline skips it.
      const first = await writer.submittedMemo(`ขอส่งรายงานการประชุม ${tag}`);
      const firstDue = (await head.call<{ items: InboxItem[] }>('GET', '/inbox')).items.find(
        (i) => i.memoId === first,
      )?.dueAt;
      expect(firstDue).toBeTruthy();
      const dayOff = bangkokDay(firstDue!);
      await page.goto('/app/admin/holidays');
      expect(await seriousViolations(page)).toEqual([]);
      const holiday = page.locator('form[action="/app/admin/holidays"]');
      await holiday.getByLabel('วันที่', { exact: true }).fill(formatTypedDay(dayOff, 'thai'));
      // Only spaces: the browser lets it through, the file's rule does not.
      await holiday.getByLabel('ชื่อวันหยุด').fill('   ');
      await submit(page, holiday.getByRole('button', { name: 'เพิ่มวันหยุด' }));
      const noName = page.locator('form[action="/app/admin/holidays"]');
      await expect(noName.locator('#holiday-name-error').textContent()).resolves.toContain('ต้องไม่ว่าง');
      await expect(noName.getByLabel('วันที่', { exact: true }).inputValue()).resolves.toBe(
        formatTypedDay(dayOff, 'thai'),
      );
      expect(await seriousViolations(page)).toEqual([]);
      await noName.getByLabel('ชื่อวันหยุด').fill(`วันหยุดพิเศษของหน่วยงาน ${tag}`);
      await submit(page, noName.getByRole('button', { name: 'เพิ่มวันหยุด' }));
      expect(page.url()).toContain('done=holiday-added');
      await expect(page.locator(`[data-holiday="${dayOff}"]`).textContent()).resolves.toContain(
        `วันหยุดพิเศษของหน่วยงาน ${tag}`,
      );
      const second = await writer.submittedMemo(`ขอส่งรายงานการประชุมครั้งถัดไป ${tag}`);
      const secondDue = (await head.call<{ items: InboxItem[] }>('GET', '/inbox')).items.find(
        (i) => i.memoId === second,
      )?.dueAt;
      expect(secondDue).toBeTruthy();
      expect(bangkokDay(secondDue!)).not.toBe(dayOff);
      expect(new Date(secondDue!).getTime()).toBeGreaterThan(new Date(firstDue!).getTime());

      // The file says all of it.
      const yaml = await exportedYaml(page);
      expect(yaml).toMatch(/- unit: office\n\s+steps:\n\s+- head-of-office\n\s+- mayor\n/);
      expect(yaml).toContain(`reference: ${reference}`);
      expect(yaml).toContain(`date: ${dayOff}\n`);
      expect(yaml).toContain(`name: วันหยุดพิเศษของหน่วยงาน ${tag}`);
      expect(admin.scriptErrors).toEqual([]);
      await admin.context.close();
    });
  }

  it('units and posts: added, renamed and deactivated by form; a unit renamed in the file shows in the form', async () => {
    const admin = await signedIn(w.browser, w.server.baseUrl, 'admin', { viewport: PHONE });
    const page = admin.page;
    await page.goto('/app/admin/units');
    expect(await seriousViolations(page)).toEqual([]);
    const addUnit = page.locator('form[action="/app/admin/units"]');
    await addUnit.getByLabel('รหัสส่วนราชการ').fill('Finance Division');
    await addUnit.getByLabel('ชื่อส่วนราชการ').fill('กองคลัง');
    await submit(page, addUnit.getByRole('button', { name: 'เพิ่มส่วนราชการ' }));
    const refused = page.locator('form[action="/app/admin/units"]');
    await expect(refused.locator('#add-unit-code-error').textContent()).resolves.toContain(
      'ต้องเป็นอักษรอังกฤษตัวเล็ก',
    );
    await expect(refused.getByLabel('ชื่อส่วนราชการ').inputValue()).resolves.toBe('กองคลัง');
    expect(await seriousViolations(page)).toEqual([]);
    await refused.getByLabel('รหัสส่วนราชการ').fill('finance');
    await submit(page, refused.getByRole('button', { name: 'เพิ่มส่วนราชการ' }));
    expect(page.url()).toContain('done=unit-added');

    const addPosition = page.locator('form[action="/app/admin/positions"]');
    await addPosition.getByLabel('รหัสตำแหน่ง').fill('finance-director');
    await addPosition.getByLabel('ชื่อตำแหน่ง').fill('ผู้อำนวยการกองคลัง');
    await addPosition.getByLabel('สังกัดส่วนราชการ').selectOption('finance');
    await submit(page, addPosition.getByRole('button', { name: 'เพิ่มตำแหน่ง' }));
    expect(page.url()).toContain('done=position-added');

    // A unit with a post cannot be switched off; the reason says which post.
    const unitRow = page.locator('[data-unit="finance"]');
    await unitRow.locator('summary').click();
    await submit(page, unitRow.getByRole('button', { name: /ปิดใช้งานส่วนราชการนี้/ }));
    await expect(page.locator('[data-unit="finance"] [role="alert"]').textContent()).resolves.toContain(
      'ผู้อำนวยการกองคลัง',
    );

    const renamed = page.locator('[data-unit="finance"]');
    await renamed.getByLabel('ชื่อส่วนราชการ').fill('กองคลัง องค์การบริหารส่วนตำบลคำพี่');
    await submit(page, renamed.getByRole('button', { name: /^บันทึก/ }));
    expect(page.url()).toContain('done=unit-saved');

    const positionRow = page.locator('[data-position="finance-director"]');
    await positionRow.locator('summary').click();
    await submit(page, positionRow.getByRole('button', { name: /ปิดใช้งานตำแหน่งนี้/ }));
    expect(page.url()).toContain('done=position-deactivated');
    const unitAgain = page.locator('[data-unit="finance"]');
    await unitAgain.locator('summary').click();
    await submit(page, unitAgain.getByRole('button', { name: /ปิดใช้งานส่วนราชการนี้/ }));
    expect(page.url()).toContain('done=unit-deactivated');
    await expect(page.locator('[data-unit="finance"]').count()).resolves.toBe(0);

    // The other way: the file renames a unit, the form shows the new name.
    const yaml = await exportedYaml(page);
    expect(yaml).not.toContain('code: finance');
    await page
      .getByLabel('ไฟล์ข้อมูลองค์กร', { exact: true })
      .fill(yaml.replace('name: งานนิติการ สำนักปลัดองค์การบริหารส่วนตำบลคำพี่', 'name: งานนิติการและบังคับคดี'));
    await submit(page, page.getByRole('button', { name: 'นำเข้า' }));
    await page.goto('/app/admin/units');
    await expect(page.locator('[data-unit="legal"] strong').textContent()).resolves.toBe('งานนิติการและบังคับคดี');
    expect(admin.scriptErrors).toEqual([]);
    await admin.context.close();
  });

  it('refuses the forms to a person who is not the administrator', async () => {
    const clerk: Session = await signedIn(w.browser, w.server.baseUrl, 'saranya');
    for (const path of [
      '/app/admin/people',
      '/app/admin/units',
      '/app/admin/chains',
      '/app/admin/acting',
      '/app/admin/holidays',
    ]) {
      const res = await clerk.page.goto(path);
      expect({ path, status: res?.status() }).toEqual({ path, status: 403 });
    }
    // A post with a valid CSRF token is refused too, and changes nothing.
    await clerk.page.goto('/app');
    const token = await clerk.page.locator('meta[name="csrf-token"]').getAttribute('content');
    const res = await clerk.context.request.post('/app/admin/people', {
      headers: { Origin: w.server.baseUrl },
      form: {
        _csrf: token ?? '',
        username: 'intruder',
        prefix: 'นาย',
        fullName: 'ผู้บุกรุก',
        passwordChoice: 'set',
        password: 'intruder-password',
      },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(403);
    const admin = await signedIn(w.browser, w.server.baseUrl, 'admin');
    await expect(exportedYaml(admin.page)).resolves.not.toContain('intruder');
    for (const s of [clerk, admin]) await s.context.close();
  });
});
