import { ApiClient } from './api-client';
import { seriousViolations, signedIn } from './browser';
import { webWorld } from './web-world';

/** The clerk's register and the administrator's organisation file and stuck memos, in a real Chromium. */
describe('web: clerk and administrator', () => {
  const w = webWorld();

  it('the clerk registers a paper letter, cancels its number with a reason, sets the next number and exports CSV', async () => {
    const api = await ApiClient.signIn(w.server.baseUrl, 'amornrat');
    await api.submittedMemo('ขอส่งรายงานผลการดำเนินงานประจำไตรมาส');
    const clerk = await signedIn(w.browser, w.server.baseUrl, 'saranya');
    const page = clerk.page;
    await page.goto('/app/register');
    await expect(page.locator('table.data').textContent()).resolves.toContain(
      'ขอส่งรายงานผลการดำเนินงานประจำไตรมาส',
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByText('ลงทะเบียนหนังสือที่ไม่ได้จัดทำในระบบ').click();
    await page.getByLabel('จาก').fill('องค์การบริหารส่วนตำบลคำพี่');
    await page.getByLabel('ถึง').fill('นายอำเภอเมืองนครพนม');
    await page.getByLabel('เรื่อง').fill('ขอส่งแผนพัฒนาท้องถิ่น');
    await Promise.all([
      page.waitForURL('**done=registered'),
      page.getByRole('button', { name: 'ออกเลขและลงทะเบียน' }).click(),
    ]);
    const paperRow = page.locator('tr', { hasText: 'ขอส่งแผนพัฒนาท้องถิ่น' });
    // The organisation prints Thai digits: the register page writes its numbers the same way (issue 14 item 5).
    await expect(paperRow.locator('td').first().textContent()).resolves.toBe('๒');

    page.once('dialog', (d) => void d.accept());
    await paperRow.getByText('ยกเลิกเลข').click();
    await paperRow.getByLabel('เหตุผล').fill('ออกเลขซ้ำกับหนังสือฉบับเดิม');
    await Promise.all([
      page.waitForURL('**done=entry-cancelled'),
      paperRow.getByRole('button', { name: 'ยืนยันยกเลิก' }).click(),
    ]);
    await expect(page.locator('tr.is-cancelled').textContent()).resolves.toContain('ออกเลขซ้ำกับหนังสือฉบับเดิม');

    // The next number cannot go back; forward is fine.
    await page.getByLabel('เลขถัดไป', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'ตั้งเลขถัดไป' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('เลขทะเบียนนี้ถูกใช้ไปแล้ว');
    await page.getByLabel('เลขถัดไป', { exact: true }).fill('936');
    await page.getByLabel('เหตุผลที่ตั้งเลข').fill('ย้ายจากทะเบียนกระดาษ');
    await Promise.all([
      page.waitForURL('**done=next-number'),
      page.getByRole('button', { name: 'ตั้งเลขถัดไป' }).click(),
    ]);
    await expect(page.locator('#next-number').textContent()).resolves.toBe('๙๓๖');

    const csvHref = await page.getByRole('link', { name: 'ส่งออก CSV' }).getAttribute('href');
    const csv = await clerk.context.request.get(csvHref ?? '');
    expect(csv.status()).toBe(200);
    // Named by the Buddhist-era year.
    const yearBE =
      Number(
        new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Asia/Bangkok' }).format(new Date()),
      ) + 543;
    expect(csv.headers()['content-disposition']).toContain(`register-outgoing-${yearBE}.csv`);
    const text = (await csv.body()).toString('utf8');
    expect(text).toContain('วันที่ลงทะเบียน');
    expect(text).toContain('ขอส่งแผนพัฒนาท้องถิ่น');
    expect(clerk.scriptErrors).toEqual([]);
    await clerk.context.close();
  });

  it('the administrator edits the organisation file (an error shown at its line first), then re-routes a stuck memo', async () => {
    const api = await ApiClient.signIn(w.server.baseUrl, 'amornrat');
    const head = await ApiClient.signIn(w.server.baseUrl, 'somprasong');
    const id = await api.submittedMemo('ขออนุมัติเดินทางไปราชการ');
    await head.call('POST', `/memos/${id}/endorse`, { opinion: 'เห็นควรอนุมัติ' });
    await head.call('POST', `/memos/${id}/endorse`, { opinion: 'เห็นควรอนุมัติ' });

    const admin = await signedIn(w.browser, w.server.baseUrl, 'admin');
    const page = admin.page;
    await page.goto('/app/admin');
    await expect(page.locator('#h-chains').locator('..').textContent()).resolves.toContain(
      'นายกองค์การบริหารส่วนตำบลคำพี่',
    );
    expect(await seriousViolations(page)).toEqual([]);
    const source = await page.getByLabel('ไฟล์ข้อมูลองค์กร', { exact: true }).inputValue();

    // The mayor leaves: his account is switched off. A typo first.
    const kanok = /(- username: kanok\n(?:\s{4}.*\n)*?)(\s{4}active: true)/;
    expect(source).toMatch(kanok);
    const broken = source.replace(kanok, '$1    active: nope');
    await page.getByLabel('ไฟล์ข้อมูลองค์กร', { exact: true }).fill(broken);
    await page.getByRole('button', { name: 'นำเข้า' }).click();
    const errors = page.locator('#file-errors');
    await expect(errors.textContent()).resolves.toMatch(/บรรทัด \d+/);
    await expect(errors.locator('.bad-line').textContent()).resolves.toContain('active: nope');
    // The line link puts the cursor on the line in the editor.
    await errors.locator('[data-goto-line]').first().click();
    const selected = await page
      .getByLabel('ไฟล์ข้อมูลองค์กร', { exact: true })
      .evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
    expect(selected).toContain('active: nope');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('ไฟล์ข้อมูลองค์กร', { exact: true }).fill(source.replace(kanok, '$1    active: false'));
    await page.getByRole('button', { name: 'นำเข้า' }).click();
    await expect(page.locator('main').textContent()).resolves.toContain('บุคลากร เพิ่ม 0 แก้ไข 1');

    // Nobody can decide now: the memo is stuck; it goes to the chief administrator's own post.
    await page.getByRole('link', { name: 'บันทึกที่ค้าง' }).first().click();
    await page.waitForURL('**/app/stuck');
    const item = page.locator('.memo-item', { hasText: 'ขออนุมัติเดินทางไปราชการ' });
    await expect(item.textContent()).resolves.toContain('ค้างที่ นายกองค์การบริหารส่วนตำบลคำพี่');
    expect(await seriousViolations(page)).toEqual([]);
    await item.getByText('เปลี่ยนผู้พิจารณา').first().click();
    await item.getByLabel('ให้ตำแหน่งนี้พิจารณาแทน').selectOption({ label: 'ปลัดองค์การบริหารส่วนตำบลคำพี่' });
    await item.getByLabel('เหตุผล').fill('นายกพ้นจากตำแหน่ง ให้ปลัดพิจารณาแทน');
    await Promise.all([
      page.waitForURL('**done=rerouted'),
      item.getByRole('button', { name: 'เปลี่ยนผู้พิจารณา' }).click(),
    ]);
    await expect(page.locator('.memo-list, .empty').first().textContent()).resolves.not.toContain(
      'ขออนุมัติเดินทางไปราชการ',
    );

    const chief = await signedIn(w.browser, w.server.baseUrl, 'wichai');
    await chief.page.goto('/app');
    await expect(chief.page.locator('.memo-list').textContent()).resolves.toContain('ขออนุมัติเดินทางไปราชการ');
    expect(admin.scriptErrors).toEqual([]);
    for (const s of [admin, chief]) await s.context.close();
  });
});
