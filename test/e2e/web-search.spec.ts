import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { bangkokDateString, fiscalYearOf, formatTypedDay } from '@saraban/thai-format';
import { createWorld, TEST_PASSWORD } from '../utils/factories';
import { ApiClient } from './api-client';
import { DESKTOP, PHONE, seriousViolations, signedIn, thaiNumber } from './browser';
import { webWorld } from './web-world';

const NIKHAHIT = '\u0e4d';
const MAI_THO = '\u0e49';
const SARA_AA = '\u0e32';
const ZWSP = '\u200b';

/** Fills the search form and submits it; answers the subjects listed. */
async function searchFor(
  page: Page,
  path: string,
  fields: { q?: string; status?: string; fy?: string; from?: string; to?: string },
): Promise<string[]> {
  await page.goto(path);
  if (fields.q !== undefined) await page.getByLabel('คำค้น').fill(fields.q);
  if (fields.status !== undefined) await page.getByLabel('สถานะ').selectOption(fields.status);
  if (fields.fy !== undefined) await page.getByLabel('ปีงบประมาณ').selectOption(fields.fy);
  if (fields.from !== undefined) await page.getByLabel('ลงวันที่ตั้งแต่').fill(fields.from);
  if (fields.to !== undefined) await page.getByLabel('ถึง', { exact: true }).fill(fields.to);
  await Promise.all([
    page.waitForURL(/[?&]q=|[?&]status=|[?&]fy=/),
    page.getByRole('button', { name: 'ค้นหา', exact: true }).click(),
  ]);
  return page.locator('[data-search-row] .memo-title').allTextContents();
}

/**
 * Issue 14, item 10 (search) and "เรื่องที่ฉันพิจารณาแล้ว": a search over every memo the person may
 * read, Thai-normalised (ํ + า, zero-width characters, Thai or Arabic digits), with filters; the
 * memos I acted on; nothing of another organisation and nothing the person may not read.
 */
describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('web: finding memos (%s)', (name, viewport) => {
  const w = webWorld({ author: 'amornrat', head: 'somprasong', mayor: 'kanok' });

  it('finds a subject typed with ํ + า or a zero-width space by its normal spelling, and a number in either digits', async () => {
    // As pasted from another program: น + ํ + ้ + า for น้ำ, and a zero-width space inside a word.
    const water = await w.author.submittedMemo(
      `ขออนุมัติจัดซื้อน${NIKHAHIT}${MAI_THO}${SARA_AA}ดื่มสำหรับสำนักงาน (${name})`,
    );
    await w.author.submittedMemo(`รายงานผลการ${ZWSP}ตรวจสอบภายในประจำปี (${name})`);
    const { documentNo } = await w.author.call<{ documentNo: string }>('GET', `/memos/${water}/approval`);
    const writer = await signedIn(w.browser, w.server.baseUrl, 'amornrat', { viewport });
    try {
      // Before anything is asked, the page asks (it does not list every memo).
      await writer.page.goto('/app/search');
      await expect(writer.page.locator('[data-search-row]').count()).resolves.toBe(0);
      await expect(writer.page.locator('[data-result-count]').textContent()).resolves.toContain('พิมพ์คำค้น');
      expect(await searchFor(writer.page, '/app/search', { q: 'จัดซื้อน้ำดื่ม' })).toEqual([
        `ขออนุมัติจัดซื้อน${NIKHAHIT}${MAI_THO}${SARA_AA}ดื่มสำหรับสำนักงาน (${name})`,
      ]);
      expect(await searchFor(writer.page, '/app/search', { q: 'ผลการตรวจสอบภายใน' })).toEqual([
        `รายงานผลการ${ZWSP}ตรวจสอบภายในประจำปี (${name})`,
      ]);
      // The number as printed (Thai digits) found by its Arabic digits.
      const arabicNo = documentNo.replace(/[๐-๙]/g, (d) => String('๐๑๒๓๔๕๖๗๘๙'.indexOf(d)));
      expect(arabicNo).not.toBe(documentNo);
      expect(await searchFor(writer.page, '/app/search', { q: arabicNo })).toContain(
        `ขออนุมัติจัดซื้อน${NIKHAHIT}${MAI_THO}${SARA_AA}ดื่มสำหรับสำนักงาน (${name})`,
      );
      // A word of the body, and the count in the organisation's digits.
      expect(await searchFor(writer.page, '/app/search', { q: 'รายละเอียดรายงานผลการ' })).toHaveLength(1);
      await expect(writer.page.locator('[data-result-count]').textContent()).resolves.toContain(
        `พบ ${thaiNumber(1)} เรื่อง`,
      );
      expect(await seriousViolations(writer.page)).toEqual([]);
      expect(writer.scriptErrors).toEqual([]);
    } finally {
      await writer.context.close();
    }
  });

  it('lets the mayor find a memo he decided, under "เรื่องที่ฉันพิจารณาแล้ว" and by the filters', async () => {
    const subject = `ขออนุมัติโครงการซ่อมแซมถนนสายบ้านคำพี่ (${name})`;
    const id = await w.author.submittedMemo(subject);
    await w.author.submittedMemo(`ขออนุมัติโครงการอบรมอาสาสมัคร (${name})`);
    await w.head.call('POST', `/memos/${id}/endorse`, { opinion: 'เห็นควรอนุมัติ' });
    await w.head.call('POST', `/memos/${id}/endorse`, { opinion: 'เห็นควรอนุมัติ' });
    await w.mayor.call('POST', `/memos/${id}/decide`, { order: 'approved' });

    const kanok = await signedIn(w.browser, w.server.baseUrl, 'kanok', { viewport });
    try {
      await kanok.page.goto('/app');
      await kanok.page.getByRole('link', { name: 'พิจารณาแล้ว' }).click();
      await kanok.page.waitForURL('**/app/acted');
      await expect(kanok.page.getByRole('heading', { name: 'เรื่องที่ฉันพิจารณาแล้ว' }).count()).resolves.toBe(1);
      const row = kanok.page.locator('[data-search-row]', { hasText: subject });
      await expect(row.locator('[data-my-action]').textContent()).resolves.toContain('ท่านสั่งการ: อนุมัติ');
      // The other memo waits for him: not among those he acted on.
      await expect(
        kanok.page.locator('[data-search-row]', { hasText: 'โครงการอบรมอาสาสมัคร' }).count(),
      ).resolves.toBe(0);
      expect(await seriousViolations(kanok.page)).toEqual([]);

      // The search over everything he may read: both; filtered to decided, only his.
      expect((await searchFor(kanok.page, '/app/search', { q: 'ขออนุมัติโครงการ' })).sort()).toEqual(
        [subject, `ขออนุมัติโครงการอบรมอาสาสมัคร (${name})`].sort(),
      );
      expect(await searchFor(kanok.page, '/app/search', { q: 'ขออนุมัติโครงการ', status: 'decided' })).toEqual([
        subject,
      ]);
      const fy = fiscalYearOf(new Date());
      expect(await searchFor(kanok.page, '/app/search', { q: 'ซ่อมแซมถนน', fy: String(fy) })).toEqual([
        subject,
      ]);
      expect(await searchFor(kanok.page, '/app/search', { q: 'ซ่อมแซมถนน', fy: String(fy - 1) })).toEqual([]);
      // The fiscal years are offered in พ.ศ., in the organisation's digits.
      await expect(kanok.page.getByLabel('ปีงบประมาณ').locator('option:checked').textContent()).resolves.toBe(
        `ปีงบประมาณ พ.ศ. ${thaiNumber(fy - 1)}`,
      );
      await expect(kanok.page.locator('[data-result-count]').textContent()).resolves.toContain('ไม่พบ');
      // By ลงวันที่, typed as people write it: day/month/พ.ศ. in Thai digits.
      const today = bangkokDateString(new Date());
      expect(
        await searchFor(kanok.page, '/app/search', {
          q: 'ซ่อมแซมถนน',
          from: formatTypedDay(today),
          to: formatTypedDay(today),
        }),
      ).toEqual([subject]);
      await expect(kanok.page.getByLabel('ลงวันที่ตั้งแต่').inputValue()).resolves.toBe(formatTypedDay(today));
      expect(await searchFor(kanok.page, '/app/search', { q: 'ซ่อมแซมถนน', to: '๓๑/๑๒/๒๕๖๗' })).toEqual([]);
      // A day that does not exist is said so beside the field (and not used).
      expect(await searchFor(kanok.page, '/app/search', { q: 'ซ่อมแซมถนน', from: '๓๑/๒/๒๕๖๙' })).toEqual([
        subject,
      ]);
      await expect(kanok.page.locator('#from-error').textContent()).resolves.toContain('วันที่ไม่ถูกต้อง');
      expect(await seriousViolations(kanok.page)).toEqual([]);
      // By the name of someone who acted on it.
      expect(await searchFor(kanok.page, '/app/search', { q: 'สมประสงค์', status: 'decided' })).toEqual([
        subject,
      ]);
      expect(await seriousViolations(kanok.page)).toEqual([]);
      expect(kanok.scriptErrors).toEqual([]);
    } finally {
      await kanok.context.close();
    }
  });

  it('finds nothing of another organisation, nor a memo the person may not read', async () => {
    // Another organisation on the same server, with a memo of the same words.
    const db = w.server.test.app.get(DataSource);
    const other = await createWorld(db);
    const res = await fetch(`${w.server.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        organisation: other.org.code,
        username: other.people.author.username,
        password: TEST_PASSWORD,
      }),
    });
    const { token } = (await res.json()) as { token: string };
    const otherAuthor = ApiClient.withToken(w.server.baseUrl, token);
    await otherAuthor.submittedMemo(`ขอความเห็นชอบแผนป้องกันการทุจริต (${name})`);
    expect(
      (
        await otherAuthor.call<{ total: number }>(
          'GET',
          `/search/memos?q=${encodeURIComponent('แผนป้องกันการทุจริต')}`,
        )
      ).total,
    ).toBe(1);

    // The head of office's own memo: its route is the chief and the mayor, not the legal officer.
    const headsMemo = `ขอความเห็นชอบแผนป้องกันการทุจริตของสำนักปลัด (${name})`;
    await w.head.submittedMemo(headsMemo);
    // The legal officer's draft: hers alone (and the clerks').
    const draft = `ร่างแผนป้องกันการทุจริตฉบับปรับปรุง (${name})`;
    await w.author.call('POST', '/memos', { subject: draft, body: [{ type: 'paragraph', text: 'ร่าง' }] });

    const clerk = await signedIn(w.browser, w.server.baseUrl, 'saranya', { viewport });
    try {
      // The clerk reads every memo of her organisation, and nothing of the other.
      expect((await searchFor(clerk.page, '/app/search', { q: 'แผนป้องกันการทุจริต' })).sort()).toEqual(
        [draft, headsMemo].sort(),
      );
    } finally {
      await clerk.context.close();
    }
    const writer = await signedIn(w.browser, w.server.baseUrl, 'amornrat', { viewport });
    try {
      expect(await searchFor(writer.page, '/app/search', { q: 'แผนป้องกันการทุจริต' })).toEqual([draft]);
      expect(await seriousViolations(writer.page)).toEqual([]);
    } finally {
      await writer.context.close();
    }
    const kanok = await signedIn(w.browser, w.server.baseUrl, 'kanok', { viewport });
    try {
      expect(await searchFor(kanok.page, '/app/search', { q: 'แผนป้องกันการทุจริต' })).toEqual([headsMemo]);
      await expect(kanok.page.locator('[data-result-count]').textContent()).resolves.toContain(
        `พบ ${thaiNumber(1)} เรื่อง`,
      );
    } finally {
      await kanok.context.close();
    }
    // The JSON API answers the same.
    const found = await w.author.call<{ items: { subject: string }[] }>(
      'GET',
      `/search/memos?q=${encodeURIComponent('แผนป้องกันการทุจริต')}`,
    );
    expect(found.items.map((i) => i.subject)).toEqual([draft]);
  });
});
