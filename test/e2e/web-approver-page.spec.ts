import type { Page } from 'playwright-core';
import { waitFor } from '../utils/wait-for';
import { ApiClient } from './api-client';
import { DESKTOP, PHONE, seriousViolations, signedIn, onScreen } from './browser';
import { webWorld } from './web-world';

/**
 * Issue 14, item 3 (the approver's page): the memo as it will print (tables inline, the printed
 * preview one tap away), the capacity as the heading of the action card with the acting step told
 * apart, the action card reachable at once on a phone, and a conflict answered with the fresh state.
 */
describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('web: the approver’s page (%s)', (name, viewport) => {
  const w = webWorld({ author: 'amornrat' });

  it('shows the attached table inline and links the memo as it will print', async () => {
    const memo = await w.author.call<{ id: string; version: number }>('POST', '/memos', {
      subject: 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม',
      body: [{ type: 'paragraph', text: 'รายละเอียดตามตารางแนบท้าย' }],
    });
    await w.author.call('POST', `/memos/${memo.id}/attachments/table`, {
      title: 'ผลการดำเนินการ',
      tsv: 'มาตรการ\tผล\nNo Gift Policy\tดำเนินการแล้ว\nประเมินความเสี่ยง\tอยู่ระหว่างดำเนินการ\n',
    });
    await w.author.call('POST', `/memos/${memo.id}/submit`);
    const head = await signedIn(w.browser, w.server.baseUrl, 'somprasong', { viewport });
    try {
      await head.page.goto(`/app/memos/${memo.id}`);
      const table = head.page.locator('.paper-table');
      await expect(table.locator('th').allTextContents()).resolves.toEqual(['มาตรการ', 'ผล']);
      await expect(table.locator('tbody').textContent()).resolves.toContain('อยู่ระหว่างดำเนินการ');
      const href = await head.page.getByRole('link', { name: 'ดูบันทึกฉบับพิมพ์ (PDF)' }).getAttribute('href');
      const pdf = await head.context.request.get(href ?? '');
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toContain('application/pdf');
      expect(await seriousViolations(head.page)).toEqual([]);
      expect(head.scriptErrors).toEqual([]);
    } finally {
      await head.context.close();
    }
  });

  it('heads the action card with the capacity, tells the acting step apart, and reaches it at once', async () => {
    const id = await w.author.submittedMemo(`ขออนุมัติโครงการอบรม (${name})`);
    const head = await signedIn(w.browser, w.server.baseUrl, 'somprasong', { viewport });
    try {
      await head.page.goto(`/app/memos/${id}`);
      const card = head.page.locator('#actions');
      await expect(card.locator('h2').textContent()).resolves.toBe(
        'ลงความเห็นในฐานะ หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล',
      );
      await expect(card.locator('[data-acting-note]').count()).resolves.toBe(0);
      await reachActions(head.page);
      await head.page.getByLabel('ความเห็น', { exact: true }).fill('เห็นควรอนุมัติ');
      await head.page.getByRole('button', { name: 'ลงความเห็นและเสนอต่อ' }).click();
      // The next step is his again, acting for the chief administrator: a different card.
      await card.locator('[data-acting-note]').waitFor();
      await expect(card.locator('h2').textContent()).resolves.toBe(
        'ลงความเห็นในฐานะ ปลัดองค์การบริหารส่วนตำบลคำพี่',
      );
      await expect(card.getAttribute('class')).resolves.toContain('is-acting');
      await expect(card.locator('[data-acting-note]').textContent()).resolves.toContain('รักษาราชการแทน');
      await expect(card.locator('[data-already-note]').textContent()).resolves.toContain(
        'หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล',
      );
      // "รอ:" names the post and its holder, and the acting person as acting.
      await expect(head.page.locator('#memo-status').textContent()).resolves.toContain(
        'รอ: ปลัดองค์การบริหารส่วนตำบลคำพี่ (นายวิชัย ศรีสุข) หรือ ผู้รักษาราชการแทน (นายสมประสงค์ วีระวัฒน์)',
      );
      expect(await seriousViolations(head.page)).toEqual([]);
      expect(head.scriptErrors).toEqual([]);
    } finally {
      await head.context.close();
    }
  });

  it('answers a conflict (someone acted first) with the fresh state and no stale form', async () => {
    const id = await w.author.submittedMemo(`ขอทราบผลการประชุม (${name})`);
    const headApi = await ApiClient.signIn(w.server.baseUrl, 'somprasong');
    await headApi.call('POST', `/memos/${id}/endorse`, { opinion: 'เห็นควรทราบ' });
    await headApi.call('POST', `/memos/${id}/endorse`, { opinion: 'เห็นควรทราบ' });
    const mayor = await signedIn(w.browser, w.server.baseUrl, 'kanok', { viewport });
    try {
      await mayor.page.goto(`/app/memos/${id}`);
      // Meanwhile the decision is given elsewhere (another device).
      const mayorApi = await ApiClient.signIn(w.server.baseUrl, 'kanok');
      await mayorApi.call('POST', `/memos/${id}/decide`, { order: 'noted', text: null });
      await mayor.page.getByLabel('ทราบ', { exact: true }).check();
      await mayor.page.getByRole('button', { name: 'สั่งการ' }).click();
      await mayor.page.locator('#memo-status').getByText('คำสั่ง: ทราบ').waitFor();
      await expect(mayor.page.locator('#live-region').textContent()).resolves.toContain('ไปก่อนแล้ว');
      await expect(mayor.page.locator('form[action$="/decide"]').count()).resolves.toBe(0);
      expect(mayor.scriptErrors).toEqual([]);
    } finally {
      await mayor.context.close();
    }
  });
});

/** On a phone a bar at the bottom jumps to the action card; on a desktop the card is in view already. */
async function reachActions(page: Page): Promise<void> {
  const size = page.viewportSize();
  const heading = page.locator('#actions h2');
  if (size && size.width < 1024) {
    const jump = page.locator('[data-jump-to-actions]');
    expect(await onScreen(jump)).toBe(true);
    await jump.click();
    await waitFor(() => onScreen(heading), 'the action card in view');
  } else {
    expect(await onScreen(heading)).toBe(true);
  }
}
