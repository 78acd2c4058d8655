import { HeavyLaneBusyError, PRINT_LIMITS, PdfRenderer } from '@saraban/document-render';
import { chromiumDescendants, processAlive as alive, waitFor } from '../utils/wait-for';
import { seedMemo } from './memo-fixtures';
import { pdfText, squash } from './poppler';

// The pool of warm Chromium tabs under faults: a killed browser, a stopped (hung) browser, a
// render that runs out of time, tabs recycled after a number of renders, and a clean shutdown.

const waitUntil = (check: () => boolean, what: string) => waitFor(check, what);

function oneParagraph() {
  return seedMemo({ body: [{ type: 'paragraph', text: 'ขอรายงานให้ทราบ' }], reportTables: [] });
}

async function expectMemo(pdf: Buffer): Promise<void> {
  expect(squash(await pdfText(pdf))).toContain('บันทึกข้อความ');
}

describe('PdfRenderer pool', () => {
  it('survives Chromium being killed: renders in flight and the next render succeed', async () => {
    const renderer = await PdfRenderer.create({ poolSize: 2 });
    try {
      await expectMemo(await renderer.render(seedMemo()));
      const pid = renderer.chromiumPid();
      expect(pid).toBeDefined();

      // Kill it while renders are in flight.
      const inFlight = Array.from({ length: 4 }, () => renderer.render(seedMemo()));
      process.kill(pid as number, 'SIGKILL');
      const settled = await Promise.allSettled(inFlight);
      for (const s of settled) {
        expect(s.status).toBe('fulfilled');
        if (s.status === 'fulfilled') await expectMemo(s.value);
      }

      // The next render runs on a new browser.
      await expectMemo(await renderer.render(seedMemo()));
      expect(renderer.chromiumPid()).not.toBe(pid);
      expect(renderer.stats().browserLaunches).toBe(2);

      // Killed between renders (nothing in flight): the next render relaunches it.
      const second = renderer.chromiumPid() as number;
      process.kill(second, 'SIGKILL');
      await waitUntil(() => !alive(second), 'Chromium to die');
      await expectMemo(await renderer.render(seedMemo()));
      expect(renderer.stats().browserLaunches).toBe(3);
    } finally {
      await renderer.close();
    }
  });

  it('heals from a hung browser (SIGSTOP): the render times out, the watchdog replaces the browser, the next memo prints within 10 s', async () => {
    const renderer = await PdfRenderer.create({
      poolSize: 2,
      renderTimeoutMs: 2_000,
      watchdogIntervalMs: 1_000,
    });
    try {
      await expectMemo(await renderer.render(seedMemo()));
      expect(renderer.health().up).toBe(true);
      const hung = renderer.chromiumPid() as number;
      process.kill(-hung, 'SIGSTOP');
      await expect(renderer.render(oneParagraph())).rejects.toMatchObject({ code: 'DOCUMENT_RENDER_FAILED' });
      // Readiness tells the truth while it is down.
      await waitFor(() => !renderer.health().up, 'the renderer to report itself down');
      const started = Date.now();
      await expectMemo(await renderer.render(oneParagraph()));
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(renderer.chromiumPid()).not.toBe(hung);
      expect(renderer.stats().browserRestarts).toBeGreaterThanOrEqual(1);
      await waitFor(() => renderer.health().up, 'the renderer to report itself up again');
      // The stopped browser and its helpers were killed, not left behind.
      await waitFor(() => !alive(hung), 'the hung Chromium to be gone');
    } finally {
      await renderer.close();
    }
  });

  it('heals when a helper process dies (zygote, network service, renderers killed): the next memo prints within 20 s', async () => {
    const renderer = await PdfRenderer.create({
      poolSize: 2,
      renderTimeoutMs: 5_000,
      watchdogIntervalMs: 1_000,
    });
    try {
      await expectMemo(await renderer.render(seedMemo()));
      const main = renderer.chromiumPid() as number;
      // Every Chromium process but the browser itself: it still answers DevTools, but can make
      // no tab and load no resource.
      const helpers = chromiumDescendants().filter((pid) => pid !== main);
      expect(helpers.length).toBeGreaterThan(0);
      for (const pid of helpers) process.kill(pid, 'SIGKILL');
      const started = Date.now();
      await waitFor(
        async () => {
          try {
            await expectMemo(await renderer.render(oneParagraph()));
            return true;
          } catch {
            return false;
          }
        },
        'a memo printed after the helpers died',
        { timeoutMs: 20_000, intervalMs: 200 },
      );
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await renderer.close();
    }
  });

  it('the watchdog replaces a browser that hangs while idle, before any document needs it', async () => {
    const renderer = await PdfRenderer.create({ poolSize: 1, watchdogIntervalMs: 500 });
    try {
      const hung = renderer.chromiumPid() as number;
      process.kill(-hung, 'SIGSTOP');
      await waitFor(() => renderer.stats().browserRestarts >= 1, 'the watchdog to replace the browser');
      await waitFor(() => renderer.health().up, 'a probe on the new browser', { timeoutMs: 20_000 });
      const started = Date.now();
      await expectMemo(await renderer.render(oneParagraph()));
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await renderer.close();
    }
  });

  it('large documents share one lane: ordinary memos keep printing beside them, a second large one waits or is refused', async () => {
    const renderer = await PdfRenderer.create({ poolSize: 2 });
    try {
      const columns = Array.from({ length: 30 }, (_, i) => `ค${i}`);
      const rows = Array.from({ length: 1_000 }, (_, r) => columns.map((_, c) => `${r}.${c}`));
      const large = seedMemo({ reportTables: [{ title: 'ตารางใหญ่', columns, rows }] });
      let largeDone = false;
      const first = renderer.render(large).finally(() => (largeDone = true));
      await waitFor(() => renderer.stats().heavyPrinting === 1, 'the large document in the heavy lane');
      // The worker's way: refused at once, so its job can wait in the queue instead.
      await expect(renderer.render(large, { whenHeavyLaneBusy: 'refuse' })).rejects.toBeInstanceOf(
        HeavyLaneBusyError,
      );
      // Ordinary memos print on the other tab meanwhile.
      for (let i = 0; i < 3; i++) await expectMemo(await renderer.render(oneParagraph()));
      expect(largeDone).toBe(false);
      // The preview's way: waits its turn, then prints.
      const second = renderer.render(large);
      expect((await first).length).toBeGreaterThan(0);
      expect((await second).length).toBeGreaterThan(0);
      expect(renderer.stats().heavyPrinting).toBe(0);
    } finally {
      await renderer.close();
    }
  }, 120_000);

  it('refuses a document past the print limits before Chromium, naming the limit', async () => {
    const renderer = await PdfRenderer.create({ poolSize: 1 });
    try {
      const columns = Array.from({ length: 30 }, (_, i) => `ค${i}`);
      const rows = Array.from({ length: 2_000 }, () => columns.map(() => '๑'));
      const table = { title: 'ตาราง', columns, rows };
      const tooBig = seedMemo({ reportTables: [table, table, table, table, table] });
      await expect(renderer.render(tooBig)).rejects.toMatchObject({
        code: 'DOCUMENT_TOO_LARGE',
        details: { limit: 'tableCells', max: PRINT_LIMITS.tableCells },
      });
      expect(renderer.stats()).toMatchObject({ renders: 0, failures: 0 });
      await expectMemo(await renderer.render(oneParagraph()));
    } finally {
      await renderer.close();
    }
  });

  it('leaves no Chromium behind: close() ends the browser and every helper process', async () => {
    const renderer = await PdfRenderer.create({ poolSize: 2 });
    await expectMemo(await renderer.render(seedMemo()));
    expect(chromiumDescendants().length).toBeGreaterThan(0);
    await renderer.close();
    await waitFor(() => chromiumDescendants().length === 0, 'every Chromium process to exit');
  });

  it('fails a render that runs out of time, with DOCUMENT_RENDER_FAILED, and throws its tab away', async () => {
    const renderer = await PdfRenderer.create({ poolSize: 1, renderTimeoutMs: 1 });
    try {
      const opened = renderer.stats().pagesOpened;
      await expect(renderer.render(seedMemo())).rejects.toMatchObject({ code: 'DOCUMENT_RENDER_FAILED' });
      expect(renderer.stats().failures).toBe(1);
      // The pool replaces the discarded tab (min = size).
      await waitUntil(() => renderer.stats().pagesOpened > opened, 'a replacement tab');
    } finally {
      await renderer.close();
    }
  });

  it('renews a tab (a fresh home document) after maxRendersPerPage renders', async () => {
    const renderer = await PdfRenderer.create({ poolSize: 1, maxRendersPerPage: 2 });
    try {
      for (let i = 0; i < 5; i++) await expectMemo(await renderer.render(seedMemo()));
      // The warm tab, renewed after renders 2 and 4; never closed, so the one browser lives on.
      expect(renderer.stats().pagesRenewed).toBe(2);
      expect(renderer.stats()).toMatchObject({
        renders: 5,
        failures: 0,
        crashRetries: 0,
        browserLaunches: 1,
      });
    } finally {
      await renderer.close();
    }
  });

  it('closes Chromium on close(), after the renders in flight, and refuses renders afterwards', async () => {
    const renderer = await PdfRenderer.create({ poolSize: 2 });
    const pid = renderer.chromiumPid() as number;
    const inFlight = renderer.render(seedMemo());
    await renderer.close();
    await expectMemo(await inFlight);
    await waitUntil(() => !alive(pid), 'Chromium to exit');
    await expect(renderer.render(seedMemo())).rejects.toMatchObject({ code: 'DOCUMENT_RENDER_FAILED' });
  });
});
