import { DESKTOP, PHONE, seriousViolations, shownNumber, signedIn, onScreen } from './browser';
import { webWorld } from './web-world';

/**
 * Issue 14, item 4 (orders): the writer marks a memo เพื่อทราบ or เพื่อพิจารณา/อนุมัติ; a request for
 * approval offers no order first and has no one-tap ทราบ; several ทราบ at once are confirmed with
 * the list of what will be signed; the bulk button stays in reach on a phone; the counters agree.
 */
describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('web: giving orders (%s)', (name, viewport) => {
  const w = webWorld({ author: 'amornrat', head: 'somprasong' });

  /** A memo waiting for the mayor. */
  async function atMayor(subject: string, purpose: 'information' | 'decision'): Promise<string> {
    const id = await w.author.submittedMemo(subject, 'normal', purpose);
    await w.head.call('POST', `/memos/${id}/endorse`, { opinion: 'เห็นควรเสนอ' });
    await w.head.call('POST', `/memos/${id}/endorse`, { opinion: 'เห็นควรเสนอ' });
    return id;
  }

  it('lets the writer mark the memo เพื่อทราบ, and offers no order first on a request for approval', async () => {
    const writer = await signedIn(w.browser, w.server.baseUrl, 'amornrat', { viewport });
    let infoId: string;
    try {
      await writer.page.goto('/app/memos/new');
      await expect(writer.page.getByLabel('เพื่อพิจารณา/อนุมัติ').isChecked()).resolves.toBe(true);
      await writer.page.getByLabel('เพื่อทราบ').check();
      await writer.page.getByLabel('เรื่อง').fill(`รายงานผลการประชุมประจำเดือน (${name})`);
      await writer.page.getByRole('button', { name: '+ ย่อหน้า' }).click();
      await writer.page.locator('[data-blocks] textarea').first().fill('ขอรายงานผลการประชุมตามเอกสารแนบ');
      await writer.page.getByRole('button', { name: 'ส่งเสนอ', exact: true }).click();
      await writer.page.getByRole('button', { name: 'ยืนยันส่งเสนอและออกเลขที่' }).click();
      await writer.page.waitForURL('**?done=submitted');
      infoId = new URL(writer.page.url()).pathname.split('/').pop() ?? '';
    } finally {
      await writer.context.close();
    }
    await w.head.call('POST', `/memos/${infoId}/endorse`, { opinion: 'เห็นควรทราบ' });
    await w.head.call('POST', `/memos/${infoId}/endorse`, { opinion: 'เห็นควรทราบ' });
    const buyId = await atMayor(`ขออนุมัติจัดซื้อครุภัณฑ์สำนักงาน (${name})`, 'decision');

    const mayor = await signedIn(w.browser, w.server.baseUrl, 'kanok', { viewport });
    try {
      await mayor.page.goto(`/app/memos/${buyId}`);
      const orders = mayor.page.locator('#actions input[name="order"]');
      await expect(orders.count()).resolves.toBeGreaterThan(3);
      await expect(mayor.page.locator('#actions input[name="order"]:checked').count()).resolves.toBe(0);
      await expect(mayor.page.locator('#actions legend').textContent()).resolves.toContain('เพื่อพิจารณา/อนุมัติ');
      // Pressing สั่งการ without choosing is stopped by the browser: nothing is decided.
      await mayor.page.getByRole('button', { name: 'สั่งการ' }).click();
      const state = await w.author.call<{ status: string }>('GET', `/memos/${buyId}/approval`);
      expect(state.status).toBe('in_review');

      await mayor.page.goto(`/app/memos/${infoId}`);
      await expect(mayor.page.getByLabel('ทราบ', { exact: true }).isChecked()).resolves.toBe(true);

      // In the inbox only the memo for information has a one-tap ทราบ and a box to tick.
      await mayor.page.goto('/app');
      const buyRow = mayor.page.locator('[data-memo-row]', { hasText: 'ขออนุมัติจัดซื้อครุภัณฑ์สำนักงาน' });
      const infoRow = mayor.page.locator('[data-memo-row]', { hasText: 'รายงานผลการประชุมประจำเดือน' });
      await expect(buyRow.locator('[data-quick-ack]').count()).resolves.toBe(0);
      await expect(buyRow.locator('input[name="memoIds"]').count()).resolves.toBe(0);
      await expect(infoRow.locator('[data-quick-ack]').count()).resolves.toBe(1);
      expect(await seriousViolations(mayor.page)).toEqual([]);
      expect(mayor.scriptErrors).toEqual([]);
    } finally {
      await mayor.context.close();
    }
  });

  it('confirms several ทราบ with the list of what will be signed, keeps the button in reach, and the counters agree', async () => {
    const subjects = Array.from({ length: 6 }, (_, i) => `รายงานสถิติการให้บริการ เดือนที่ ${i + 1} (${name})`);
    for (const s of subjects) await atMayor(s, 'information');
    const mayor = await signedIn(w.browser, w.server.baseUrl, 'kanok', { viewport });
    try {
      await mayor.page.goto('/app');
      const counts = async (): Promise<number[]> => [
        shownNumber(await mayor.page.locator('#inbox-total').textContent()),
        shownNumber(await mayor.page.locator('[data-count-all]').textContent()),
        shownNumber(await mayor.page.locator('[data-capacity-count]').first().textContent()),
      ];
      const [before] = await counts();
      expect(await counts()).toEqual([before, before, before]);
      // The last row, ticked at the bottom of the list: the bulk button is still on the screen.
      const last = mayor.page.getByLabel(`เลือก ${subjects[0]}`);
      await last.scrollIntoViewIfNeeded();
      await last.check();
      await mayor.page.getByLabel(`เลือก ${subjects[1]}`).check();
      const bulk = mayor.page.locator('[data-bulk-ack]');
      expect(await onScreen(bulk)).toBe(true);

      // Dismissed: nothing is signed.
      let message = '';
      mayor.page.once('dialog', (d) => {
        message = d.message();
        void d.dismiss();
      });
      await bulk.click();
      expect(message).toContain('๒ เรื่อง');
      expect(message).toContain(subjects[0]);
      expect(message).toContain(subjects[1]);
      expect(await counts()).toEqual([before, before, before]);

      mayor.page.once('dialog', (d) => void d.accept());
      await bulk.click();
      await mayor.page.getByText('ลงนาม "ทราบ" แล้ว ๒ เรื่อง').waitFor();
      expect(await counts()).toEqual([before - 2, before - 2, before - 2]);
      // A fresh page counts the same.
      await mayor.page.reload();
      expect(await counts()).toEqual([before - 2, before - 2, before - 2]);
      expect(mayor.scriptErrors).toEqual([]);
    } finally {
      await mayor.context.close();
    }
  });

  it('without the script, several ทราบ go through a page listing them first', async () => {
    const subjects = [`แจ้งผลการตรวจติดตาม (${name})`, `รายงานการใช้รถส่วนกลาง (${name})`];
    for (const s of subjects) await atMayor(s, 'information');
    const mayor = await signedIn(w.browser, w.server.baseUrl, 'kanok', {
      viewport,
      javaScriptEnabled: false,
    });
    try {
      await mayor.page.goto('/app');
      for (const s of subjects) await mayor.page.getByLabel(`เลือก ${s}`).check();
      await mayor.page.locator('[data-bulk-ack]').click();
      await mayor.page.waitForLoadState();
      await expect(mayor.page.locator('[data-ack-list] .memo-title').allTextContents()).resolves.toEqual(
        expect.arrayContaining(subjects),
      );
      // (axe needs the page's script engine, which this browser has switched off.)
      await Promise.all([
        mayor.page.waitForURL('**/app?done=acknowledged**'),
        mayor.page.getByRole('button', { name: 'ยืนยันลงนาม "ทราบ" ๒ เรื่อง' }).click(),
      ]);
      await expect(mayor.page.locator('.flash').first().textContent()).resolves.toContain('๒ จาก ๒ เรื่อง');
    } finally {
      await mayor.context.close();
    }
  });
});
