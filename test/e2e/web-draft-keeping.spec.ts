import type { Page } from 'playwright-core';
import { SESSION_COOKIE, SessionService } from '@saraban/auth';
import { DESKTOP, PHONE, seriousViolations, signedIn, type Session } from './browser';
import { webWorld } from './web-world';

/**
 * Issue 14, item 6: the writer's typed draft outlives the session. The server ends the session
 * while the writer types (as an idle timeout does); บันทึกร่าง then leads to the sign-in page, and
 * after signing in the compose page has what was typed, saved with the next บันทึกร่าง. While
 * revising a returned memo the reason stays at the top through all of it.
 */
describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('web: the typed draft across a session expiry (%s)', (name, viewport) => {
  const w = webWorld({ author: 'amornrat', head: 'somprasong' });

  /** Ends the browser's session on the server, as the idle timeout does: the cookie stays, the session is gone. */
  async function expireSession(writer: Session): Promise<void> {
    const cookie = (await writer.context.cookies()).find((c) => c.name === SESSION_COOKIE);
    expect(cookie).toBeDefined();
    await w.server.test.app.get(SessionService).signOutToken(cookie!.value);
  }

  /** On the sign-in page the expired session led to: sign in again and come back. */
  async function signInAgain(page: Page): Promise<void> {
    await page.waitForURL('**/app/login**');
    await page.getByLabel('รหัสหน่วยงาน').fill('khampee');
    await page.getByLabel('ชื่อผู้ใช้').fill('amornrat');
    await page.getByLabel('รหัสผ่าน').fill('demo-password');
    await Promise.all([
      page.waitForURL((url) => !url.pathname.startsWith('/app/login')),
      page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click(),
    ]);
  }

  it('keeps a new memo typed before the session ended, and saves it after signing in', async () => {
    const subject = `ขออนุมัติเบิกค่าเดินทางไปราชการ (${name})`;
    const paragraph = 'ด้วยงานนิติการได้รับคำสั่งให้เดินทางไปราชการ ณ จังหวัดนครพนม ระหว่างวันที่ ๓ – ๕ ธันวาคม ๒๕๖๙';
    const writer = await signedIn(w.browser, w.server.baseUrl, 'amornrat', { viewport });
    try {
      await writer.page.goto('/app/memos/new');
      await writer.page.getByLabel('เรื่อง').fill(subject);
      await writer.page.getByLabel('เพื่อทราบ').check();
      await writer.page.getByRole('button', { name: '+ ย่อหน้า' }).click();
      await writer.page.locator('[data-blocks] textarea').first().fill(paragraph);
      await writer.page.getByText('เลือกหน่วยงานหรือบุคคล').click();
      await writer.page.getByLabel('นายกนก ใจรักษ์', { exact: false }).check();
      await expireSession(writer);

      await writer.page.getByRole('button', { name: 'บันทึกร่าง', exact: true }).last().click();
      await signInAgain(writer.page);
      expect(new URL(writer.page.url()).pathname).toBe('/app/memos/new');
      await writer.page.locator('[data-draft-restored]').waitFor();
      await expect(writer.page.getByLabel('เรื่อง').inputValue()).resolves.toBe(subject);
      await expect(writer.page.getByLabel('เพื่อทราบ').isChecked()).resolves.toBe(true);
      await expect(writer.page.locator('[data-blocks] textarea').first().inputValue()).resolves.toBe(
        paragraph,
      );
      await expect(writer.page.getByLabel('นายกนก ใจรักษ์', { exact: false }).isChecked()).resolves.toBe(true);
      expect(await seriousViolations(writer.page)).toEqual([]);

      await writer.page.getByRole('button', { name: 'บันทึกร่าง', exact: true }).last().click();
      await writer.page.waitForURL('**/edit?done=created');
      const id = new URL(writer.page.url()).pathname.split('/')[3];
      const memo = await w.author.call<{ subject: string; purpose: string; body: { text: string }[] }>(
        'GET',
        `/memos/${id}`,
      );
      expect(memo).toMatchObject({
        subject,
        purpose: 'information',
        body: [{ type: 'paragraph', text: paragraph }],
        copies: [{ kind: 'person', name: 'นายกนก ใจรักษ์' }],
      });
      // The server has it: the browser's copy is gone, a fresh compose page starts empty.
      await writer.page.reload();
      await expect(writer.page.locator('[data-draft-restored]').isHidden()).resolves.toBe(true);
      await writer.page.goto('/app/memos/new');
      await expect(writer.page.getByLabel('เรื่อง').inputValue()).resolves.toBe('');
      await expect(writer.page.locator('[data-draft-restored]').isHidden()).resolves.toBe(true);
      expect(writer.scriptErrors).toEqual([]);
    } finally {
      await writer.context.close();
    }
  });

  it('while revising a returned memo: the reason at the top, and the revision kept across the session', async () => {
    const subject = `ขออนุมัติจ้างเหมาทำความสะอาดอาคารสำนักงาน (${name})`;
    const id = await w.author.submittedMemo(subject);
    const reason = 'กรุณาระบุวงเงินและระยะเวลาจ้างให้ชัดเจน';
    await w.head.call('POST', `/memos/${id}/return`, { reason });
    const revised = 'ขออนุมัติจ้างเหมาทำความสะอาดอาคารสำนักงาน วงเงิน ๙๖,๐๐๐ บาท ระยะเวลา ๑๒ เดือน';

    const writer = await signedIn(w.browser, w.server.baseUrl, 'amornrat', { viewport });
    try {
      await writer.page.goto(`/app/memos/${id}/edit`);
      const reasonBox = writer.page.locator('#return-reason');
      await expect(reasonBox.locator('[data-return-reason]').textContent()).resolves.toBe(reason);
      // At the top: above the first field, on the first screen.
      const [box, field] = await Promise.all([
        reasonBox.boundingBox(),
        writer.page.getByLabel('เรื่อง').boundingBox(),
      ]);
      expect(box!.y + box!.height).toBeLessThanOrEqual(field!.y);
      expect(box!.y).toBeLessThan(viewport.height);

      await writer.page.locator('[data-blocks] textarea').first().fill(revised);
      await expireSession(writer);
      await writer.page.getByRole('button', { name: 'บันทึกร่าง', exact: true }).last().click();
      await signInAgain(writer.page);
      expect(new URL(writer.page.url()).pathname).toBe(`/app/memos/${id}/edit`);
      await writer.page.locator('[data-draft-restored]').waitFor();
      await expect(writer.page.locator('[data-blocks] textarea').first().inputValue()).resolves.toBe(revised);
      await expect(reasonBox.locator('[data-return-reason]').textContent()).resolves.toBe(reason);

      await writer.page.getByRole('button', { name: 'บันทึกร่าง', exact: true }).last().click();
      await writer.page.waitForURL('**/edit?done=saved');
      const memo = await w.author.call<{ body: { text: string }[] }>('GET', `/memos/${id}`);
      expect(memo.body[0].text).toBe(revised);
      expect(writer.scriptErrors).toEqual([]);
    } finally {
      await writer.context.close();
    }
  });
});
