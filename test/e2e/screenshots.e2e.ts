/**
 * `npm run screenshots`: the key pages at phone (390×844) and desktop (1280×800) sizes, written to
 * docs/screenshots/<page>-<size>.png. Not part of `npm test` (its file name is not *.spec.ts): it
 * only takes pictures of a demo organisation it fills itself.
 */
import { mkdirSync } from 'node:fs';
import { ApiClient } from './api-client';
import { attachPdf, attachTable } from './compose-page';
import { samplePdf, signedIn } from './browser';
import { OUT, shoot } from './screenshot-kit';
import { webWorld } from './web-world';

describe('screenshots', () => {
  const w = webWorld({}, { worker: true });
  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  it('takes the key pages', async () => {
    const visitor = await w.browser.newContext({ baseURL: w.server.baseUrl });
    const loginPage = await visitor.newPage();
    await loginPage.goto('/app/login?org=khampee');
    await shoot(loginPage, 'login');
    await visitor.close();

    const author = await signedIn(w.browser, w.server.baseUrl, 'amornrat');
    const page = author.page;
    await page.goto('/app/memos/new');
    await page
      .getByLabel('เรื่อง')
      .fill('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙');
    await page.getByRole('button', { name: '+ หัวข้อ' }).click();
    await page.getByRole('button', { name: '+ ย่อหน้า' }).click();
    await page.getByRole('button', { name: '+ หัวข้อ' }).click();
    await page.getByRole('button', { name: '+ ข้อย่อยมีเลขลำดับ' }).click();
    const texts = page.locator('[data-blocks] textarea');
    await texts.nth(0).fill('ข้อเท็จจริง');
    await texts
      .nth(1)
      .fill(
        'ตามที่องค์การบริหารส่วนตำบลคำพี่ได้ประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ งานนิติการได้ดำเนินการตามมาตรการดังกล่าวครบถ้วนแล้ว รายละเอียดตามตารางที่แนบ',
      );
    await texts.nth(2).fill('ข้อเสนอ');
    await texts
      .nth(3)
      .fill('เห็นควรรายงานผลการดำเนินการต่อนายกองค์การบริหารส่วนตำบลคำพี่\nเห็นควรเผยแพร่รายงานบนเว็บไซต์ของหน่วยงาน');
    await page.getByLabel('ชั้นความเร็ว').selectOption('urgent');
    await page.getByLabel('เผยแพร่บนเว็บไซต์ของหน่วยงานเมื่อผู้บริหารสั่งการแล้ว').check();
    await page.getByLabel('หมวดข้อมูลเปิดเผยต่อสาธารณะ').selectOption('o28');
    await shoot(page, 'compose');
    await Promise.all([
      page.waitForURL('**/edit?done=created'),
      page.getByRole('button', { name: 'บันทึกร่าง' }).last().click(),
    ]);
    await attachPdf(page, 'ประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใส', {
      name: 'prakat.pdf',
      buffer: await samplePdf(2),
    });
    await attachTable(
      page,
      'ผลการดำเนินการตามมาตรการ',
      'ลำดับ\tมาตรการ\tผล\n1\tNo Gift Policy\tดำเนินการแล้ว\n2\tประเมินความเสี่ยงการทุจริต\tดำเนินการแล้ว',
    );
    await Promise.all([
      page.waitForURL(/\/app\/memos\/[0-9a-f-]+$/),
      page.getByRole('link', { name: 'ดูบันทึก' }).click(),
    ]);
    await shoot(page, 'memo-draft');
    const memoUrl = new URL(page.url()).pathname;
    const memoId = memoUrl.split('/').pop() ?? '';
    const authorApi = await ApiClient.signIn(w.server.baseUrl, 'amornrat');
    await authorApi.call('POST', `/memos/${memoId}/submit`);
    // A few more in the inbox, as on a real morning.
    const headApi = await ApiClient.signIn(w.server.baseUrl, 'somprasong');
    for (const [subject, urgency] of [
      ['ขออนุมัติจัดซื้อวัสดุสำนักงาน', 'normal'],
      ['แจ้งกำหนดการตรวจติดตามการดำเนินงานของคณะกรรมการ', 'very_urgent'],
      ['รายงานสถิติการให้บริการประจำเดือนตุลาคม', 'normal'],
    ] as const) {
      const id = await authorApi.submittedMemo(
        subject,
        urgency,
        subject.startsWith('ขออนุมัติ') ? 'decision' : 'information',
      );
      if (!subject.startsWith('ขออนุมัติ')) {
        await headApi.call('POST', `/memos/${id}/endorse`, { opinion: 'เห็นควรทราบ' });
        await headApi.call('POST', `/memos/${id}/endorse`, { opinion: 'เห็นควรทราบ' });
      }
    }
    await page.goto('/app/memos/mine');
    await shoot(page, 'mine');
    await author.context.close();

    const head = await signedIn(w.browser, w.server.baseUrl, 'somprasong');
    await head.page.goto('/app');
    await shoot(head.page, 'inbox');
    await head.page.goto(memoUrl);
    await head.page.getByRole('button', { name: 'เห็นควรอนุมัติ' }).click();
    await shoot(head.page, 'memo-endorse');
    await head.page.getByRole('button', { name: 'ลงความเห็นและเสนอต่อ' }).click();
    await head.page.getByText('รักษาราชการแทน').first().waitFor();
    await head.page.getByRole('textbox', { name: 'ความเห็น' }).fill('เห็นควรอนุมัติและเผยแพร่บนเว็บไซต์ของหน่วยงาน');
    await head.page.getByRole('button', { name: 'ลงความเห็นและเสนอต่อ' }).click();
    await head.page.locator('#memo-side').getByText('(รอดำเนินการ)').waitFor();
    await head.context.close();

    const mayor = await signedIn(w.browser, w.server.baseUrl, 'kanok');
    await mayor.page.goto('/app');
    await mayor.page.locator('[data-memo-row] input[name=memoIds]').nth(1).check();
    await shoot(mayor.page, 'inbox-decide');
    await mayor.page.goto(memoUrl);
    await mayor.page.getByLabel('อนุมัติ', { exact: true }).check();
    await mayor.page.getByRole('button', { name: 'สั่งการ' }).click();
    await mayor.page.locator('#memo-status').getByText('คำสั่ง: อนุมัติ').waitFor();
    await shoot(mayor.page, 'memo-decided');
    await mayor.context.close();

    const citizen = await w.browser.newContext({ baseURL: w.server.baseUrl });
    const portal = await citizen.newPage();
    for (let attempt = 0; attempt < 120; attempt++) {
      await portal.goto('/p/khampee');
      if ((await portal.locator('table.data a').count()) > 0) break;
      await portal.waitForTimeout(500);
    }
    await shoot(portal, 'portal');
    await portal.goto('/verify');
    await shoot(portal, 'verify');
    await citizen.close();

    const clerk = await signedIn(w.browser, w.server.baseUrl, 'saranya');
    await clerk.page.goto('/app/register');
    await shoot(clerk.page, 'register');
    await clerk.context.close();

    const admin = await signedIn(w.browser, w.server.baseUrl, 'admin');
    await admin.page.goto('/app/admin');
    await shoot(admin.page, 'admin');
    // The forms that edit the organisation file one item at a time (issue 14).
    await admin.page.goto('/app/admin/people');
    await shoot(admin.page, 'admin-people');
    await admin.page.goto('/app/admin/acting');
    await shoot(admin.page, 'admin-acting');
    await admin.context.close();
  });
});
