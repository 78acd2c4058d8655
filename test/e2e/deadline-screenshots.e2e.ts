/**
 * The inbox with deadlines (issue 13) and the away form, at phone and desktop sizes, into
 * docs/screenshots. Run as `npm run screenshots` runs its file:
 *   bash scripts/test.sh --testMatch '<rootDir>/test/e2e/deadline-screenshots.e2e.ts'
 */
import { mkdirSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { readWorkingTime, stepDeadline, workingCalendarOf, type UrgencyClass } from '@saraban/organisation';
import { ApiClient } from './api-client';
import { signedIn } from './browser';
import { OUT, shoot } from './screenshot-kit';
import { webWorld } from './web-world';

describe('deadline screenshots', () => {
  const w = webWorld();
  beforeAll(() => mkdirSync(OUT, { recursive: true }));

  it('the inbox with time waiting, due and overdue; the away form', async () => {
    const author = await ApiClient.signIn(w.server.baseUrl, 'amornrat');
    const db = w.server.test.app.get(DataSource);
    const ids: Record<string, string> = {};
    for (const [key, subject, urgency] of [
      ['overdue', 'ขอความเห็นชอบแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๗๐', 'most_urgent'],
      ['soon', 'แจ้งกำหนดการตรวจติดตามการดำเนินงานของคณะกรรมการ', 'very_urgent'],
      ['onTime', 'ขออนุมัติจัดซื้อวัสดุสำนักงาน', 'normal'],
    ] as const) {
      ids[key] = await author.submittedMemo(subject, urgency);
    }
    // Time has passed for two of them: the step started earlier, its times computed as a command
    // would have (the organisation's calendar): one now past its reminder, one past its due time.
    const orgId = (await db.query<{ id: string }[]>(`SELECT id FROM organisations WHERE code = 'khampee'`))[0]
      .id;
    const settings = (await readWorkingTime(db.manager, [orgId])).get(orgId)!.settings;
    const calendar = workingCalendarOf(settings);
    const now = Date.now();
    /** The latest start whose due time is at or after `target` (due times grow with the start). */
    const startFor = (urgency: UrgencyClass, target: number): Date => {
      let [lo, hi] = [now - 30 * 86_400_000, now];
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2);
        if (stepDeadline(settings, calendar, urgency, new Date(mid)).dueAt.getTime() >= target) hi = mid;
        else lo = mid;
      }
      return new Date(hi);
    };
    const restart = async (id: string, urgency: UrgencyClass, dueInMs: number) => {
      const started = startFor(urgency, now + dueInMs);
      const { dueAt, remindAt } = stepDeadline(settings, calendar, urgency, started);
      await db.query(
        `UPDATE memo_workflows SET waiting_since = $2, due_at = $3, remind_at = $4 WHERE memo_id = $1`,
        [id, started, dueAt, remindAt],
      );
    };
    await restart(ids.overdue, 'most_urgent', -26 * 3_600_000);
    await restart(ids.soon, 'very_urgent', 40 * 60_000);

    const head = await signedIn(w.browser, w.server.baseUrl, 'somprasong');
    await head.page.goto('/app');
    await head.page.locator('.badge-deadline.is-overdue').first().waitFor();
    await shoot(head.page, 'inbox-deadlines');
    await head.page.goto('/app/me/away');
    await head.page.getByLabel('ผู้ปฏิบัติหน้าที่แทน').waitFor();
    await shoot(head.page, 'away');
    await head.context.close();
  });
});
