import { DEFAULT_CHROMIUM_PATH, PdfRenderer } from '@saraban/document-render';
import { seedMemo } from './memo-fixtures';
import { pdfGrayPages, pdfTagged, pdfText } from './poppler';

// The print engine (Debian's chromium-headless-shell, chosen because it prints for about a third
// of the CPU) must print what Debian's full browser prints: the same pages, the same text in the
// same places, the same pixels, a tagged PDF. A package update that let the two drift apart
// would fail here rather than in a clerk's hands.

const FULL_BROWSER = '/usr/bin/chromium';

jest.setTimeout(120_000);

async function printWith(chromiumPath: string): Promise<Buffer> {
  const renderer = await PdfRenderer.create({ poolSize: 1, chromiumPath });
  try {
    return await renderer.render(seedMemo());
  } finally {
    await renderer.close();
  }
}

describe('the print engine', () => {
  it('is the headless shell unless CHROMIUM_PATH says otherwise', () => {
    expect(DEFAULT_CHROMIUM_PATH).toBe('/usr/lib/chromium/chromium-headless-shell');
  });

  it('prints the bench memo as the full browser does: pages, text layout, pixels, tags', async () => {
    const [shell, full] = [await printWith(DEFAULT_CHROMIUM_PATH), await printWith(FULL_BROWSER)];
    expect(await pdfText(shell)).toBe(await pdfText(full));
    const [shellPages, fullPages] = [await pdfGrayPages(shell, 50), await pdfGrayPages(full, 50)];
    expect(shellPages.length).toBeGreaterThan(1);
    expect(shellPages.length).toBe(fullPages.length);
    for (const [i, page] of shellPages.entries()) {
      const other = fullPages[i];
      expect([page.width, page.height]).toEqual([other.width, other.height]);
      let differing = 0;
      for (let p = 0; p < page.pixels.length; p++) if (page.pixels[p] !== other.pixels[p]) differing += 1;
      expect({ page: i + 1, differing }).toEqual({ page: i + 1, differing: 0 });
    }
    expect(await pdfTagged(shell)).toBe(true);
  });
});
