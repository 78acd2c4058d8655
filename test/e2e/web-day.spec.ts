import type { Locator, Page } from 'playwright-core';
import { ApiClient } from './api-client';
import { seriousViolations, signedIn, thaiNumber, type Session } from './browser';
import { webWorld } from './web-world';

/** A small phone: the four people work from theirs all day. */
const PHONE_360 = { width: 360, height: 740 };
const MEMOS = 20;
/** Every fourth memo goes back to the writer once: the head of office wants a quotation attached. */
const RETURNED = (i: number): boolean => i % 4 === 3;

type Task = 'เขียนและส่งเสนอ' | 'ลงความเห็น' | 'ส่งคืน' | 'แก้ไขและส่งเสนอใหม่' | 'สั่งการ';
const TASKS: readonly Task[] = ['เขียนและส่งเสนอ', 'ลงความเห็น', 'ส่งคืน', 'แก้ไขและส่งเสนอใหม่', 'สั่งการ'];

interface Done {
  task: Task;
  who: string;
  taps: number;
  ms: number;
}

/** One person on a phone: every tap and every field typed into counts as one touch of the screen. */
class Person {
  private taps = 0;

  constructor(
    readonly username: string,
    readonly session: Session,
    private readonly log: Done[],
  ) {}

  get page(): Page {
    return this.session.page;
  }

  /** A tap on what the person can reach: scrolling up and down is fine, sideways is not. */
  async tap(target: Locator): Promise<void> {
    this.taps++;
    const across = await target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, width: window.innerWidth };
    });
    expect(across.left >= 0 && across.right <= across.width).toBe(true);
    await target.click();
  }

  async type(target: Locator, text: string): Promise<void> {
    this.taps++;
    await target.fill(text);
  }

  /** A task starts on the person's list (not timed: where they are between tasks) and ends at its confirmation. */
  async task(task: Task, startAt: string, work: () => Promise<void>): Promise<void> {
    await this.page.goto(startAt);
    const taps = this.taps;
    const started = performance.now();
    await work();
    // Nothing on the way made the page wider than the phone.
    expect(await this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
    this.log.push({ task, who: this.username, taps: this.taps - taps, ms: performance.now() - started });
  }
}

/** The confirmation the page announces in place once the server has taken the action. */
async function announced(page: Page, text: string): Promise<void> {
  await page.locator('#live-region', { hasText: text }).waitFor();
}

function subjectOf(i: number): string {
  return `ขออนุมัติจัดซื้อวัสดุสำนักงานสำหรับงานสารบรรณ (ลำดับ ${thaiNumber(i + 1)})`;
}

/**
 * Issue 14, "what proves it": a scripted day. Twenty memos are written, endorsed twice, some
 * returned and revised, and decided by four people of the demo organisation, each on a 360 px phone
 * through the web interface (the writer; the head of office; the chief administrator; the mayor).
 * It prints the touches and the seconds per task; the figures go into the README.
 */
describe('web: a scripted day on phones', () => {
  const w = webWorld();
  const log: Done[] = [];

  it('twenty memos from draft to decision, with returns and revisions', async () => {
    const [writer, head, chief, mayor] = await Promise.all(
      ['amornrat', 'somprasong', 'wichai', 'kanok'].map(
        async (username) =>
          new Person(
            username,
            await signedIn(w.browser, w.server.baseUrl, username, { viewport: PHONE_360 }),
            log,
          ),
      ),
    );
    const ids: string[] = [];
    try {
      // Morning: the writer drafts and sends twenty memos, each from a blank form.
      for (let i = 0; i < MEMOS; i++) {
        await writer.task('เขียนและส่งเสนอ', '/app', async () => {
          const page = writer.page;
          await Promise.all([
            page.waitForURL('**/app/memos/new'),
            writer.tap(page.locator('.mainnav').getByRole('link', { name: 'เขียนบันทึก' })),
          ]);
          await writer.type(page.getByLabel('เรื่อง'), subjectOf(i));
          await writer.tap(page.getByRole('button', { name: '+ ย่อหน้า' }));
          await writer.type(
            page.locator('[data-blocks] textarea').first(),
            'ด้วยงานสารบรรณมีความจำเป็นต้องจัดซื้อวัสดุสำนักงานเพื่อใช้ในการปฏิบัติงาน จึงเรียนมาเพื่อโปรดพิจารณาอนุมัติ',
          );
          await Promise.all([
            page.waitForURL('**/app/memos/*/submit'),
            writer.tap(page.getByRole('button', { name: 'ส่งเสนอ', exact: true })),
          ]);
          await Promise.all([
            page.waitForURL('**/app/memos/*?done=submitted'),
            writer.tap(page.getByRole('button', { name: 'ยืนยันส่งเสนอและออกเลขที่' })),
          ]);
          ids.push(new URL(page.url()).pathname.split('/').pop() ?? '');
        });
      }

      // The head of office goes through his list: he endorses most and returns every fourth.
      const endorse = async (person: Person, i: number): Promise<void> => {
        await person.task('ลงความเห็น', '/app', async () => {
          const page = person.page;
          const row = page.locator('[data-memo-row]', { hasText: subjectOf(i) });
          await Promise.all([
            page.waitForURL(`**/app/memos/${ids[i]}`),
            person.tap(row.getByRole('link', { name: subjectOf(i) }).first()),
          ]);
          await person.tap(page.locator('[data-jump-to-actions]'));
          await person.tap(page.getByRole('button', { name: 'เห็นควรอนุมัติ', exact: true }));
          await person.tap(page.getByRole('button', { name: 'ลงความเห็นและเสนอต่อ' }));
          await announced(page, 'ลงความเห็นและเสนอต่อแล้ว');
        });
      };
      for (let i = 0; i < MEMOS; i++) {
        if (!RETURNED(i)) {
          await endorse(head, i);
          continue;
        }
        await head.task('ส่งคืน', '/app', async () => {
          const page = head.page;
          await Promise.all([
            page.waitForURL(`**/app/memos/${ids[i]}`),
            head.tap(
              page
                .locator('[data-memo-row]', { hasText: subjectOf(i) })
                .getByRole('link', { name: subjectOf(i) })
                .first(),
            ),
          ]);
          await head.tap(page.locator('[data-jump-to-actions]'));
          await head.tap(page.getByText('ส่งคืนให้ผู้เขียนแก้ไข', { exact: true }));
          await head.type(page.getByLabel('เหตุผลที่ส่งคืน'), 'กรุณาแนบใบเสนอราคาอย่างน้อยสามราย');
          await head.tap(page.getByRole('button', { name: 'ส่งคืน', exact: true }));
          await announced(page, 'ส่งคืนให้ผู้เขียนแก้ไขแล้ว');
        });
      }

      // The writer revises what came back, seeing the reason, and sends it again.
      for (let i = 0; i < MEMOS; i++) {
        if (!RETURNED(i)) continue;
        await writer.task('แก้ไขและส่งเสนอใหม่', '/app', async () => {
          const page = writer.page;
          await Promise.all([
            page.waitForURL('**/app/memos/mine'),
            writer.tap(page.locator('.mainnav').getByRole('link', { name: 'บันทึกของฉัน' })),
          ]);
          await Promise.all([
            page.waitForURL(`**/app/memos/${ids[i]}/edit`),
            writer.tap(page.getByRole('link', { name: subjectOf(i), exact: true })),
          ]);
          await expect(page.locator('#return-reason').textContent()).resolves.toContain('ใบเสนอราคา');
          await writer.tap(page.getByRole('button', { name: '+ ย่อหน้า' }));
          await writer.type(page.locator('[data-blocks] textarea').last(), 'ได้แนบใบเสนอราคาสามรายมาพร้อมนี้แล้ว');
          await Promise.all([
            page.waitForURL(`**/app/memos/${ids[i]}/submit`),
            writer.tap(page.getByRole('button', { name: 'ส่งเสนอใหม่' })),
          ]);
          await Promise.all([
            page.waitForURL(`**/app/memos/${ids[i]}?done=resubmitted`),
            writer.tap(page.getByRole('button', { name: 'ยืนยันส่งเสนอใหม่' })),
          ]);
        });
      }
      for (let i = 0; i < MEMOS; i++) if (RETURNED(i)) await endorse(head, i);

      // The chief administrator endorses all twenty, then the mayor decides them.
      for (let i = 0; i < MEMOS; i++) await endorse(chief, i);
      for (let i = 0; i < MEMOS; i++) {
        await mayor.task('สั่งการ', '/app', async () => {
          const page = mayor.page;
          await Promise.all([
            page.waitForURL(`**/app/memos/${ids[i]}`),
            mayor.tap(
              page
                .locator('[data-memo-row]', { hasText: subjectOf(i) })
                .getByRole('link', { name: subjectOf(i) })
                .first(),
            ),
          ]);
          await mayor.tap(page.locator('[data-jump-to-actions]'));
          await mayor.tap(page.getByLabel('อนุมัติ', { exact: true }));
          await mayor.tap(page.getByRole('button', { name: 'สั่งการ', exact: true }));
          await announced(page, 'สั่งการแล้ว');
        });
      }
      expect(await seriousViolations(mayor.page)).toEqual([]);
      for (const person of [writer, head, chief, mayor]) expect(person.session.scriptErrors).toEqual([]);
    } finally {
      for (const person of [writer, head, chief, mayor]) await person.session.context.close();
    }

    // Every memo ended decided "อนุมัติ"; the returned ones were returned once and resubmitted once.
    const api = await ApiClient.signIn(w.server.baseUrl, 'amornrat');
    for (const [i, id] of ids.entries()) {
      const state = await api.call<{ status: string; decision: { printed: string } }>(
        'GET',
        `/memos/${id}/approval`,
      );
      expect({ i, status: state.status, order: state.decision.printed }).toEqual({
        i,
        status: 'decided',
        order: 'อนุมัติ',
      });
    }
    const count = (task: Task): number => log.filter((d) => d.task === task).length;
    const returned = Array.from({ length: MEMOS }, (_, i) => i).filter(RETURNED).length;
    expect(TASKS.map(count)).toEqual([MEMOS, 2 * MEMOS, returned, returned, MEMOS]);

    process.stdout.write(`\n${dayTable(log)}\n`);
  }, 900_000);
});

/** The figures of the day: per task, how many were done, the touches and the seconds each took. */
function dayTable(log: Done[]): string {
  const rows = TASKS.map((task) => {
    const done = log.filter((d) => d.task === task);
    const seconds = done.map((d) => d.ms / 1000).sort((a, b) => a - b);
    const taps = done.map((d) => d.taps);
    const median = seconds[Math.floor((seconds.length - 1) / 2)] ?? 0;
    return [
      task,
      String(done.length),
      (taps.reduce((a, b) => a + b, 0) / Math.max(1, taps.length)).toFixed(1),
      median.toFixed(2),
      (seconds.at(-1) ?? 0).toFixed(2),
      seconds.reduce((a, b) => a + b, 0).toFixed(1),
    ];
  });
  const head = ['งาน', 'ครั้ง', 'แตะต่อครั้ง', 'วินาที (มัธยฐาน)', 'วินาที (นานสุด)', 'รวม (วินาที)'];
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
