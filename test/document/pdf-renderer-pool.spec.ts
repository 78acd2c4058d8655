import { PdfRenderer } from '@saraban/document-render';
import { seedMemo } from './memo-fixtures';
import { pdfText, squash } from './poppler';

// The pool of warm Chromium tabs under faults: a killed browser, a render that runs out of
// time, tabs recycled after a number of renders, and a clean shutdown.

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
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
