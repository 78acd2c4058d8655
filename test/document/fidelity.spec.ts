import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PdfRenderer } from '@saraban/document-render';
import type { MemoDocument } from '@saraban/document-render';
import { createSelfSignedP12, loadSigningIdentity, signPdf, verifySignedPdf } from '@saraban/signing';
import type { SigningIdentity } from '@saraban/signing';
import {
  brokenPhrases,
  inkInBottomMargin,
  keptPhrases,
  midWordBreaks,
  normalise,
  outOfOrder,
  partsInFormOrder,
  splitBlocks,
  strayMarks,
  wrongContinuations,
} from './fidelity-checks';
import { FIDELITY_MEMOS } from './fidelity-memos';
import { pdfBboxLayout, pdfGrayPages, pdfPagePng, pdfPageSizes, pdfText } from './poppler';

// The printed memo a Thai clerk signs without a second look (issue 15): memos modelled on the
// three seeds and on long, table-heavy and acting-chain variants, printed by the real renderer
// (Chromium), signed (PAdES) and read back by poppler. For each PDF:
//   (a) every line break falls between two words of the segmenter, and no date, acting phrase
//       or organisation name is broken;
//   (b) the bottom margin band of each page holds no ink but the page number and the
//       continuation word, and no tone mark or upper vowel stands without its letter;
//   (c) content order (pdftotext -raw) reads the parts in the order of the form;
//   (d) the closing line with the signature block, each endorsement, and the decision with
//       the endorsement before it, are each on one page;
//   and the continuation word at the foot of every memo page but the last is the next page's
//   first word.
// The counts are printed; all must be zero.

const REPO = path.resolve(__dirname, '../..');
const DPI = 100;

interface Counts {
  memo: string;
  pages: number;
  midWordBreaks: number;
  brokenPhrases: number;
  inkInMargin: number;
  strayMarks: number;
  outOfOrder: number;
  splitBlocks: number;
  continuation: number;
}

describe('fidelity of the printed memo (Chromium + signer + poppler)', () => {
  let renderer: PdfRenderer;
  let identity: SigningIdentity;
  const counts: Counts[] = [];

  beforeAll(async () => {
    renderer = await PdfRenderer.create({ poolSize: 1 });
    identity = loadSigningIdentity(
      createSelfSignedP12({ commonName: 'อบต.ทดสอบ', organisation: 'อบต.ทดสอบ', password: 'fidelity' }),
      'fidelity',
    );
  });

  afterAll(async () => {
    await renderer.close();
    if (counts.length > 0) console.log(`fidelity defects per memo (all must be 0):\n${table(counts)}`);
  });

  async function printAndSign(doc: MemoDocument): Promise<Buffer> {
    const signed = await signPdf(await renderer.render(doc), identity);
    expect(verifySignedPdf(signed.pdf).valid).toBe(true);
    return signed.pdf;
  }

  it.each(FIDELITY_MEMOS.map((m) => [m.name, m.memo] as const))('%s', async (name, memo) => {
    const doc = memo();
    const pdf = await printAndSign(doc);
    const pages = await pdfBboxLayout(pdf);
    const gray = await pdfGrayPages(pdf, DPI);
    const raw = await pdfText(pdf, undefined, 'raw');
    const pageTexts = await Promise.all(
      pages.map((_, i) => pdfText(pdf, { first: i + 1, last: i + 1 }, 'raw')),
    );

    const breaks = midWordBreaks(pages);
    const phrases = brokenPhrases(pages, keptPhrases(doc));
    const ink = inkInBottomMargin(gray, pages);
    const marks = strayMarks(pages);
    const order = outOfOrder(raw, partsInFormOrder(doc));
    const split = splitBlocks(pageTexts, doc);
    const continuation = wrongContinuations(pages);
    counts.push({
      memo: name,
      pages: pages.length,
      midWordBreaks: breaks.length,
      brokenPhrases: phrases.length,
      inkInMargin: ink.length,
      strayMarks: marks.length,
      outOfOrder: order.length,
      splitBlocks: split.length,
      continuation: continuation.length,
    });
    expect({ breaks, phrases, ink, marks, order, split, continuation }).toEqual({
      breaks: [],
      phrases: [],
      ink: [],
      marks: [],
      order: [],
      split: [],
      continuation: [],
    });
  });

  it('prints the QR code and link on the memo’s last page, and numbers the attachments on their own pages', async () => {
    const doc = FIDELITY_MEMOS[0].memo();
    const pdf = await printAndSign(doc);
    const sizes = await pdfPageSizes(pdf);
    const memoPages = sizes.filter((s) => s.height > s.width).length;
    const lastMemoPage = normalise(await pdfText(pdf, { first: memoPages, last: memoPages }));
    expect(lastMemoPage).toContain(normalise(doc.verification?.url ?? 'none'));
    expect(lastMemoPage).toContain(normalise(`(${doc.endorsements.at(-1)?.signer.name ?? ''})`));
    const firstAttachmentPage = normalise(await pdfText(pdf, { first: memoPages + 1, last: memoPages + 1 }));
    expect(firstAttachmentPage).toContain(normalise('สิ่งที่ส่งมาด้วย ๑'));
    // The memo lists it under its body.
    expect(normalise(await pdfText(pdf, { first: 1, last: memoPages }))).toContain(normalise('สิ่งที่ส่งมาด้วย'));
  });

  it('writes the "after" pictures (docs/fidelity-after-*.png) when SARABAN_WRITE_DOCS=1', async () => {
    if (process.env.SARABAN_WRITE_DOCS !== '1') return;
    const doc = FIDELITY_MEMOS[0].memo();
    const pdf = await printAndSign(doc);
    const pages = await pdfBboxLayout(pdf);
    // The page where the endorsements begin.
    const heading = normalise(doc.endorsements[0].heading);
    const endorsementPage =
      pages.findIndex((p) => p.blocks.flat().some((l) => normalise(l.text).includes(heading))) + 1;
    await fs.writeFile(path.join(REPO, 'docs', 'fidelity-after-page-1.png'), await pdfPagePng(pdf, 1, 80));
    await fs.writeFile(
      path.join(REPO, 'docs', 'fidelity-after-endorsements.png'),
      await pdfPagePng(pdf, endorsementPage, 80),
    );
  });
});

function table(rows: Counts[]): string {
  const keys = Object.keys(rows[0]) as (keyof Counts)[];
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(keys), ...rows.map((r) => line(keys.map((k) => String(r[k]))))].join('\n');
}
