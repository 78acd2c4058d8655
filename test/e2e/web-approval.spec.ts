import type { Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { PHONE, seriousViolations, shownNumber, signedIn, thaiNumber } from './browser';
import { webWorld } from './web-world';

/** Marks the page so that a full reload (which would lose the mark) can be told from an in-place update. */
async function markPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __stillHere: boolean }).__stillHere = true;
  });
}
async function stillSamePage(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { __stillHere?: boolean }).__stillHere === true);
}

/**
 * The whole story in a real Chromium, by four people of the demo organisation: the author drafts and
 * submits; the head of office endorses, then endorses again acting as chief administrator; the mayor
 * decides and acknowledges several memos at once; a returned memo is revised and resubmitted. The
 * worker runs beside the API, so the decided memo ends as a signed PDF on the public portal, where a
 * citizen (the fourth browser) finds it and verifies the file.
 */
describe('web: from draft to decision in the browser', () => {
  const w = webWorld({}, { worker: true });

  it('draft → two endorsements by one person in two capacities → decision, without page reloads for the routine actions', async () => {
    // 1. The author composes and submits from the compose page.
    const author = await signedIn(w.browser, w.server.baseUrl, 'amornrat');
    await author.page.goto('/app/memos/new');
    await author.page.getByLabel('เรื่อง').fill('ขออนุมัติเผยแพร่รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม');
    await author.page.getByRole('button', { name: '+ ย่อหน้า' }).click();
    await author.page.locator('[data-blocks] textarea').first().fill('งานนิติการได้ดำเนินการตามมาตรการครบถ้วนแล้ว');
    await author.page.getByLabel('เผยแพร่บนเว็บไซต์ของหน่วยงานเมื่อผู้บริหารสั่งการแล้ว').check();
    await author.page.getByLabel('หมวดข้อมูลเปิดเผยต่อสาธารณะ').selectOption('o28');
    await Promise.all([
      author.page.waitForURL('**/app/memos/*/submit'),
      author.page.getByRole('button', { name: 'ส่งเสนอ', exact: true }).click(),
    ]);
    await Promise.all([
      author.page.waitForURL('**/app/memos/*?done=submitted'),
      author.page.getByRole('button', { name: 'ยืนยันส่งเสนอและออกเลขที่' }).click(),
    ]);
    const memoUrl = new URL(author.page.url()).pathname;
    await expect(author.page.locator('#memo-badge').textContent()).resolves.toMatch(
      /อยู่ระหว่างพิจารณา.*ที่ นพ ๗๑๕๐๑\/[๐-๙]+/s,
    );

    // 2. The head of office: the memo waits in the inbox under his own post; he endorses with a quick phrase.
    const head = await signedIn(w.browser, w.server.baseUrl, 'somprasong', { viewport: PHONE });
    await head.page.goto('/app');
    const row = head.page.locator('[data-memo-row]', { hasText: 'ขออนุมัติเผยแพร่รายงาน' });
    await expect(row.textContent()).resolves.toContain('หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล');
    expect(await seriousViolations(head.page)).toEqual([]);
    await row
      .getByRole('link', { name: /ขออนุมัติเผยแพร่รายงาน/ })
      .first()
      .click();
    await head.page.waitForURL(`**${memoUrl}`);
    expect(await seriousViolations(head.page)).toEqual([]);
    await markPage(head.page);
    await head.page.getByRole('button', { name: 'เห็นควรอนุมัติ' }).click();
    await expect(head.page.getByLabel('ความเห็น', { exact: true }).inputValue()).resolves.toBe('เห็นควรอนุมัติ');
    await head.page.getByRole('button', { name: 'ลงความเห็นและเสนอต่อ' }).click();
    // The page updates in place: the next step is his again, now as acting chief administrator.
    await head.page.getByText('รักษาราชการแทน').first().waitFor();
    await expect(head.page.locator('#actions').textContent()).resolves.toContain('ปลัดองค์การบริหารส่วนตำบลคำพี่');
    expect(await stillSamePage(head.page)).toBe(true);
    await head.page.getByLabel('ความเห็น', { exact: true }).fill('เห็นควรอนุมัติและเผยแพร่บนเว็บไซต์ของหน่วยงาน');
    await head.page.getByRole('button', { name: 'ลงความเห็นและเสนอต่อ' }).click();
    await head.page.locator('#memo-side').getByText('นายกองค์การบริหารส่วนตำบลคำพี่ (รอดำเนินการ)').waitFor();
    expect(await stillSamePage(head.page)).toBe(true);
    const timeline = await head.page.locator('.timeline').textContent();
    expect(timeline).toContain('หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล รักษาราชการแทน ปลัดองค์การบริหารส่วนตำบลคำพี่');
    expect(head.scriptErrors).toEqual([]);

    // 3. The mayor decides on the memo page.
    const mayor = await signedIn(w.browser, w.server.baseUrl, 'kanok');
    await mayor.page.goto(memoUrl);
    await markPage(mayor.page);
    await mayor.page.getByLabel('อนุมัติ', { exact: true }).check();
    await mayor.page.getByLabel('ข้อความเพิ่มเติม').fill('ให้เผยแพร่ได้');
    await mayor.page.getByRole('button', { name: 'สั่งการ' }).click();
    await mayor.page.locator('#memo-status').getByText('คำสั่ง: อนุมัติ ให้เผยแพร่ได้').waitFor();
    expect(await stillSamePage(mayor.page)).toBe(true);
    // The paper now carries the three blocks: two endorsements and the order.
    const paper = await mayor.page.locator('.memo-paper').textContent();
    expect(paper).toContain('ความเห็นของหัวหน้าสำนักปลัด');
    expect(paper).toContain('ความเห็นของปลัดองค์การบริหารส่วนตำบล');
    expect(paper).toContain('อนุมัติ ให้เผยแพร่ได้');
    expect(mayor.scriptErrors).toEqual([]);

    // 4. The author sees where it stands.
    await author.page.goto('/app/memos/mine');
    await expect(author.page.locator('.memo-list').textContent()).resolves.toContain('คำสั่ง: อนุมัติ ให้เผยแพร่ได้');
    for (const s of [author, head, mayor]) await s.context.close();

    // 5. A citizen finds the signed PDF on the organisation's portal and verifies it.
    const citizen = await w.browser.newContext({ baseURL: w.server.baseUrl, viewport: PHONE });
    try {
      const page = await citizen.newPage();
      const subject = 'ขออนุมัติเผยแพร่รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม';
      // The worker renders, signs and publishes in the background: look again until it is there.
      for (let attempt = 0; attempt < 120; attempt++) {
        await page.goto('/p/khampee');
        if ((await page.getByRole('link', { name: subject, exact: true }).count()) > 0) break;
        await page.waitForTimeout(500);
      }
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('link', { name: subject, exact: true }).click();
      await page.waitForURL('**/p/khampee/documents/**');
      expect(await seriousViolations(page)).toEqual([]);
      const pdfHref = await page.getByRole('link', { name: 'เปิดไฟล์ PDF ที่ลงนามแล้ว' }).getAttribute('href');
      const pdf = await citizen.request.get(pdfHref ?? '');
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      await page.goto('/verify');
      await page.getByLabel('เลือกไฟล์ PDF').setInputFiles({
        name: 'memo.pdf',
        mimeType: 'application/pdf',
        buffer: await pdf.body(),
      });
      await page.getByRole('button', { name: 'ตรวจสอบไฟล์' }).click();
      await page.getByRole('heading', { name: /เอกสารถูกต้อง/ }).waitFor();
      await expect(page.locator('main').textContent()).resolves.toContain(subject);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await citizen.close();
    }
    // The author's memo page links the signed PDF and its place on the portal.
    const back = await signedIn(w.browser, w.server.baseUrl, 'amornrat');
    await back.page.goto(memoUrl);
    const signed = await back.context.request.get(
      (await back.page.getByRole('link', { name: 'ไฟล์ PDF ที่ลงนามแล้ว' }).getAttribute('href')) ?? '',
    );
    expect(signed.headers()['content-type']).toContain('application/pdf');
    await back.context.close();
  });

  it('an endorsement may be given without a written opinion: the block prints the signature alone', async () => {
    const api = await ApiClient.signIn(w.server.baseUrl, 'amornrat');
    const id = await api.submittedMemo('ขอรับรองการลงความเห็นโดยไม่เขียนความเห็น', 'normal', 'decision');
    const head = await signedIn(w.browser, w.server.baseUrl, 'somprasong', { viewport: PHONE });
    await head.page.goto(`/app/memos/${id}`);
    await markPage(head.page);
    const capacity = head.page.locator('[data-capacity-heading]');
    await expect(capacity.textContent()).resolves.toContain('หัวหน้าสำนักปลัด');
    await expect(head.page.getByLabel('ความเห็น', { exact: true }).inputValue()).resolves.toBe('');
    await head.page.getByRole('button', { name: 'ลงความเห็นและเสนอต่อ' }).click();
    // Accepted in place: the next step (his again, acting for the chief administrator) is shown.
    await head.page.getByText('รักษาราชการแทน').first().waitFor();
    await expect(capacity.textContent()).resolves.toContain('ในฐานะ ปลัดองค์การบริหารส่วนตำบลคำพี่');
    expect(await stillSamePage(head.page)).toBe(true);
    const paper = (await head.page.locator('.memo-paper').textContent()) ?? '';
    expect(paper).toContain('ความเห็นของหัวหน้าสำนักปลัด');
    expect(await head.page.locator('body').textContent()).not.toContain('กรุณากรอกข้อความ');
    expect(head.scriptErrors).toEqual([]);
    await head.context.close();
  });

  it('the mayor acknowledges several memos at once with "ทราบ", in place', async () => {
    const api = await ApiClient.signIn(w.server.baseUrl, 'amornrat');
    const headApi = await ApiClient.signIn(w.server.baseUrl, 'somprasong');
    const ids: string[] = [];
    for (const subject of ['รายงานการประชุมประจำเดือน', 'รายงานสถิติการให้บริการ', 'แจ้งกำหนดการตรวจติดตาม']) {
      const id = await api.submittedMemo(
        subject,
        subject.startsWith('แจ้ง') ? 'urgent' : 'normal',
        'information',
      );
      await headApi.call('POST', `/memos/${id}/endorse`, { opinion: 'เห็นควรทราบ' });
      await headApi.call('POST', `/memos/${id}/endorse`, { opinion: 'เห็นควรทราบ' });
      ids.push(id);
    }
    const mayor = await signedIn(w.browser, w.server.baseUrl, 'kanok', { viewport: PHONE });
    await mayor.page.goto('/app');
    // Urgent first.
    await expect(mayor.page.locator('[data-memo-row] .memo-title').first().textContent()).resolves.toBe(
      'แจ้งกำหนดการตรวจติดตาม',
    );
    const before = shownNumber(await mayor.page.locator('#inbox-total').textContent());
    expect(before).toBeGreaterThanOrEqual(3);
    await markPage(mayor.page);
    await mayor.page.getByLabel('เลือก รายงานการประชุมประจำเดือน').check();
    await mayor.page.getByLabel('เลือก รายงานสถิติการให้บริการ').check();
    const bulk = mayor.page.locator('[data-bulk-ack]');
    await expect(bulk.textContent()).resolves.toBe('ลงนาม "ทราบ" เรื่องที่เลือก (๒)');
    mayor.page.once('dialog', (dialog) => void dialog.accept());
    await bulk.click();
    await mayor.page.getByText('ลงนาม "ทราบ" แล้ว ๒ เรื่อง').waitFor();
    expect(await stillSamePage(mayor.page)).toBe(true);
    await expect(mayor.page.locator('#inbox-total').textContent()).resolves.toBe(thaiNumber(before - 2));
    // One more from its own row.
    const urgentRow = mayor.page.locator('[data-memo-row]', { hasText: 'แจ้งกำหนดการตรวจติดตาม' });
    await urgentRow.getByRole('button', { name: /^ทราบ/ }).click();
    await urgentRow.getByText('ทราบแล้ว').waitFor();
    await expect(mayor.page.locator('#inbox-total').textContent()).resolves.toBe(thaiNumber(before - 3));
    for (const id of ids) {
      const state = await api.call<{ status: string; decision: { printed: string } }>(
        'GET',
        `/memos/${id}/approval`,
      );
      expect(state.status).toBe('decided');
      expect(state.decision.printed).toBe('ทราบ');
    }
    expect(mayor.scriptErrors).toEqual([]);
    await mayor.context.close();
  });

  it('an endorsement without a written opinion from the form alone (the approver without JavaScript)', async () => {
    const api = await ApiClient.signIn(w.server.baseUrl, 'amornrat');
    const id = await api.submittedMemo('ขอรับรองโดยไม่เขียนความเห็นจากแบบฟอร์ม', 'normal', 'decision');
    const head = await signedIn(w.browser, w.server.baseUrl, 'somprasong', { javaScriptEnabled: false });
    await head.page.goto(`/app/memos/${id}`);
    await Promise.all([
      head.page.waitForURL('**?done=endorsed'),
      head.page.getByRole('button', { name: 'ลงความเห็นและเสนอต่อ' }).click(),
    ]);
    // The next step is his again, as acting chief administrator: the first endorsement is in.
    await expect(head.page.locator('#actions').textContent()).resolves.toContain('รักษาราชการแทน');
    await head.context.close();
  });

  it('return with a reason, then revise and resubmit (the approver without JavaScript)', async () => {
    const api = await ApiClient.signIn(w.server.baseUrl, 'amornrat');
    const id = await api.submittedMemo('ขออนุมัติจัดซื้อวัสดุสำนักงาน');

    const head = await signedIn(w.browser, w.server.baseUrl, 'somprasong', { javaScriptEnabled: false });
    await head.page.goto(`/app/memos/${id}`);
    await head.page.getByText('ส่งคืนให้ผู้เขียนแก้ไข').click();
    await head.page.getByLabel('เหตุผลที่ส่งคืน').fill('กรุณาแนบใบเสนอราคาอย่างน้อยสามราย');
    await Promise.all([
      head.page.waitForURL('**?done=returned'),
      head.page.getByRole('button', { name: 'ส่งคืน' }).click(),
    ]);
    await expect(head.page.locator('#memo-badge').textContent()).resolves.toContain('ส่งคืนให้แก้ไข');

    const author = await signedIn(w.browser, w.server.baseUrl, 'amornrat');
    await author.page.goto('/app/memos/mine');
    await expect(author.page.locator('.memo-list').textContent()).resolves.toContain(
      'กรุณาแนบใบเสนอราคาอย่างน้อยสามราย',
    );
    await author.page.getByRole('link', { name: 'ขออนุมัติจัดซื้อวัสดุสำนักงาน' }).click();
    await author.page.waitForURL(`**/app/memos/${id}/edit`);
    await expect(author.page.locator('#return-reason').textContent()).resolves.toContain('ส่งคืนให้แก้ไข');
    await author.page.getByRole('button', { name: '+ ย่อหน้า' }).click();
    await author.page.locator('[data-blocks] textarea').last().fill('ได้แนบใบเสนอราคาสามรายแล้ว');
    await Promise.all([
      author.page.waitForURL(`**/app/memos/${id}/submit`),
      author.page.getByRole('button', { name: 'ส่งเสนอใหม่' }).click(),
    ]);
    await Promise.all([
      author.page.waitForURL(`**/app/memos/${id}?done=resubmitted`),
      author.page.getByRole('button', { name: 'ยืนยันส่งเสนอใหม่' }).click(),
    ]);
    const timeline = await author.page.locator('.timeline').textContent();
    expect(timeline).toContain('ส่งเสนอใหม่หลังแก้ไข');
    expect(timeline).toContain('กรุณาแนบใบเสนอราคาอย่างน้อยสามราย');

    await head.page.goto('/app');
    await expect(head.page.locator('.memo-list').textContent()).resolves.toContain('ขออนุมัติจัดซื้อวัสดุสำนักงาน');
    for (const s of [author, head]) await s.context.close();
  });
});
