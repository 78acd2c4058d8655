import { DataSource } from 'typeorm';
import { DESKTOP, PHONE, seriousViolations, signedIn } from './browser';
import { webWorld } from './web-world';

/**
 * Issue 14, copies (สำเนาเรียน): the writer names people or units who receive the memo for
 * information. Once submitted it is in their "สำเนาถึงฉัน" list and they may read it; it is never
 * in their inbox; a draft reaches nobody; a memo not copied to them stays hidden.
 */
describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('web: copies (%s)', (name, viewport) => {
  const w = webWorld({ head: 'somprasong', officer: 'amornrat' });

  it('puts a memo copied to a person in their list, not their inbox, once it is submitted', async () => {
    const subject = `แจ้งกำหนดการตรวจสอบพัสดุประจำปี (${name})`;
    const writer = await signedIn(w.browser, w.server.baseUrl, 'somprasong', { viewport });
    let id: string;
    try {
      await writer.page.goto('/app/memos/new');
      await writer.page.getByLabel('เรื่อง').fill(subject);
      await writer.page.getByRole('button', { name: '+ ย่อหน้า' }).click();
      await writer.page
        .locator('[data-blocks] textarea')
        .first()
        .fill('ขอแจ้งกำหนดการตรวจสอบพัสดุประจำปีตามเอกสารแนบ');
      await writer.page.getByText('เลือกหน่วยงานหรือบุคคล').click();
      await writer.page.getByLabel('นางสาวอมรรัตน์ วงศ์อุตติ', { exact: false }).check();
      expect(await seriousViolations(writer.page)).toEqual([]);
      await writer.page.getByRole('button', { name: 'บันทึกร่าง', exact: true }).last().click();
      await writer.page.waitForURL('**/edit?done=created');
      id = new URL(writer.page.url()).pathname.split('/')[3];
      await expect(writer.page.getByLabel('นางสาวอมรรัตน์ วงศ์อุตติ', { exact: false }).isChecked()).resolves.toBe(
        true,
      );

      // A draft reaches nobody.
      expect((await w.officer.raw('GET', `/memos/${id}`)).status).toBe(404);
      expect((await w.officer.call<{ total: number }>('GET', '/search/memos?copied=true')).total).toBe(0);

      await writer.page.getByRole('button', { name: 'ส่งเสนอ', exact: true }).click();
      await writer.page.getByRole('button', { name: 'ยืนยันส่งเสนอและออกเลขที่' }).click();
      await writer.page.waitForURL('**?done=submitted');
      await expect(writer.page.locator('[data-copies]').textContent()).resolves.toContain(
        'นางสาวอมรรัตน์ วงศ์อุตติ',
      );
      expect(writer.scriptErrors).toEqual([]);
    } finally {
      await writer.context.close();
    }
    // Not copied to her: hidden as before.
    const other = await w.head.submittedMemo(`ขออนุมัติซ่อมเครื่องปรับอากาศ (${name})`);

    const reader = await signedIn(w.browser, w.server.baseUrl, 'amornrat', { viewport });
    try {
      await reader.page.goto('/app');
      await expect(reader.page.locator('[data-memo-row]', { hasText: subject }).count()).resolves.toBe(0);
      await expect(reader.page.locator('[data-returned-row]', { hasText: subject }).count()).resolves.toBe(0);
      await reader.page.getByRole('link', { name: 'สำเนาถึงฉัน' }).click();
      await reader.page.waitForURL('**/app/copies');
      const rows = reader.page.locator('[data-search-row] .memo-title');
      await expect(rows.allTextContents()).resolves.toEqual([subject]);
      expect(await seriousViolations(reader.page)).toEqual([]);
      await rows.first().click();
      await reader.page.waitForURL(`**/app/memos/${id}`);
      await expect(reader.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(subject);
      // She reads it; nothing to act on.
      await expect(reader.page.locator('#actions').count()).resolves.toBe(0);
      expect(reader.scriptErrors).toEqual([]);
    } finally {
      await reader.context.close();
    }
    expect((await w.officer.raw('GET', `/memos/${other}`)).status).toBe(404);
  });

  it('reaches the people of a unit the memo is copied to', async () => {
    const db = w.server.test.app.get(DataSource);
    const [legal] = await db.query<{ id: string }[]>(`SELECT id FROM units WHERE code = 'legal'`);
    const subject = `แจ้งแนวทางการจัดทำรายงานผลการดำเนินงาน (${name})`;
    const memo = await w.head.call<{ id: string }>('POST', '/memos', {
      subject,
      body: [{ type: 'paragraph', text: 'ขอแจ้งแนวทางการจัดทำรายงาน' }],
      copies: [{ kind: 'unit', id: legal.id }],
    });
    await w.head.call('POST', `/memos/${memo.id}/submit`);
    const found = await w.officer.call<{ items: { subject: string }[] }>('GET', '/search/memos?copied=true');
    expect(found.items.map((i) => i.subject)).toContain(subject);
    const view = await w.officer.call<{ copies: { kind: string; name: string }[] }>(
      'GET',
      `/memos/${memo.id}`,
    );
    expect(view.copies).toEqual([
      { kind: 'unit', id: legal.id, name: expect.stringContaining('นิติการ') as unknown },
    ]);
    // Someone of another organisation cannot be named.
    const refused = await w.head.raw('POST', '/memos', {
      subject: 'ทดสอบ',
      copies: [{ kind: 'person', id: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(refused.status).toBe(400);
  });
});
