import { formatThaiDate, formatThaiShortDate } from '@saraban/thai-format';
import { thaiBreakIndices, type MemoDocument } from '@saraban/document-render';
import type { BboxPage, GrayPage } from './poppler';

// The four checks of the fidelity suite (issue 15), each a count of defects in one PDF.

const CM = 72 / 2.54;
/** The bottom page margin of every page (styles.css). */
const BOTTOM_MARGIN_PT = 1.5 * CM;
/** Ink darker than this is ink. */
const INK = 160;

/** Text as extracted, made comparable with the source: ำ decomposed by some fonts, spaces gone. */
export function normalise(s: string): string {
  return s.replace(/\u0E4D\u0E32/g, '\u0E33').replace(/\s+/g, '');
}

const THAI_LETTER = /[\u0E01-\u0E4F]/u;
const COMBINING = /^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]+$/u;

export interface LineBreakDefect {
  page: number;
  before: string;
  after: string;
}

/**
 * (a) Every line break inside a block (a paragraph, a table cell, a title) falls on a word
 * boundary of the segmenter: the end of one line and the start of the next, read together,
 * must have a boundary where the line broke. Breaks between two non-Thai characters (Latin
 * text breaks at its spaces) are not Thai word breaks.
 */
export function midWordBreaks(pages: BboxPage[]): LineBreakDefect[] {
  const defects: LineBreakDefect[] = [];
  pages.forEach((page, p) => {
    for (const block of page.blocks) {
      for (let i = 0; i + 1 < block.length; i++) {
        const before = normalise(block[i].text);
        const after = normalise(block[i + 1].text);
        if (!before || !after) continue;
        const a = before.at(-1) ?? '';
        const b = after[0];
        if (!THAI_LETTER.test(a) || !THAI_LETTER.test(b)) continue;
        const tail = before.slice(-40);
        const head = after.slice(0, 40);
        if (!thaiBreakIndices(tail + head).has(tail.length)) {
          defects.push({ page: p + 1, before: tail.slice(-15), after: head.slice(0, 15) });
        }
      }
    }
  });
  return defects;
}

/** The phrases a line must not break inside: dates, acting phrases, the organisation's name. */
export function keptPhrases(doc: MemoDocument): string[] {
  const texts = [
    doc.subject,
    doc.unitLine,
    doc.addressee,
    ...doc.body.flatMap((b) => (b.type === 'numbered' ? b.items : [b.text])),
    ...doc.endorsements.flatMap((e) => [e.text, ...e.signer.positionLines]),
    ...doc.author.positionLines,
  ].join('\n');
  const found = new Set<string>();
  for (const m of texts.matchAll(/(?:พ\.ศ\.)\s*[๐-๙0-9]{4}|รักษาราชการแทน|ปฏิบัติราชการแทน|รักษาการในตำแหน่ง/gu)) {
    found.add(m[0]);
  }
  found.add(formatThaiDate(doc.date, doc.organisation.digits));
  for (const e of doc.endorsements) found.add(formatThaiShortDate(e.date, doc.organisation.digits));
  return [...found];
}

/** (a) Kept phrases that a line broke: each must be whole on some line of the PDF. */
export function brokenPhrases(pages: BboxPage[], phrases: string[]): string[] {
  const lines = pages.flatMap((p) => p.blocks.flat().map((l) => normalise(l.text)));
  return phrases.filter((phrase) => !lines.some((l) => l.includes(normalise(phrase))));
}

export interface InkDefect {
  page: number;
  pixels: number;
}

/** Length of the run of ink through (x, y) along one axis, in pixels. */
function runLength(g: GrayPage, x: number, y: number, dx: number, dy: number): number {
  const ink = (i: number, j: number): boolean =>
    i >= 0 && j >= 0 && i < g.width && j < g.height && g.pixels[j * g.width + i] < INK;
  let n = 1;
  for (let i = x + dx, j = y + dy; ink(i, j); i += dx, j += dy) n++;
  for (let i = x - dx, j = y - dy; ink(i, j); i -= dx, j -= dy) n++;
  return n;
}

/**
 * (b) Ink at the foot of each page that belongs to no text of that page: from 0.4 cm above the
 * bottom of the text area (where a mark of the next page's first line, risen above it, is
 * printed) to the edge of the paper. Ink inside a word's box (the page's own last line, the
 * page number, the continuation word) and the rules of a table (long straight runs) are not
 * defects.
 */
export function inkInBottomMargin(gray: GrayPage[], pages: BboxPage[]): InkDefect[] {
  const defects: InkDefect[] = [];
  gray.forEach((g, p) => {
    const page = pages[p];
    const scale = g.height / page.height;
    const bandTop = page.height - BOTTOM_MARGIN_PT - 0.4 * CM;
    const allowed = page.blocks
      .flat()
      .filter((l) => l.yMax > bandTop - 30)
      .map((w) => ({ x0: w.xMin - 1.5, x1: w.xMax + 1.5, y0: w.yMin - 1.5, y1: w.yMax + 1.5 }));
    const longRun = Math.round(0.5 * (72 / 2.54) * scale);
    let ink = 0;
    for (let y = Math.ceil(bandTop * scale); y < g.height; y++) {
      for (let x = 0; x < g.width; x++) {
        if (g.pixels[y * g.width + x] >= INK) continue;
        const xp = x / scale;
        const yp = y / scale;
        if (allowed.some((a) => xp >= a.x0 && xp <= a.x1 && yp >= a.y0 && yp <= a.y1)) continue;
        if (runLength(g, x, y, 1, 0) >= longRun || runLength(g, x, y, 0, 1) >= longRun) continue;
        ink++;
      }
    }
    if (ink > 0) defects.push({ page: p + 1, pixels: ink });
  });
  return defects;
}

/** (b) Marks without their letters (a tone mark or upper vowel alone): stray marks, wherever they are. */
export function strayMarks(pages: BboxPage[]): { page: number; text: string }[] {
  const out: { page: number; text: string }[] = [];
  pages.forEach((page, p) => {
    for (const w of page.blocks.flat().flatMap((l) => l.words)) {
      if (COMBINING.test(w.text)) out.push({ page: p + 1, text: w.text });
    }
  });
  return out;
}

/** The parts of the memo in the order of the form (domain.md): what -raw must read in turn. */
export function partsInFormOrder(doc: MemoDocument): string[] {
  const digits = doc.organisation.digits;
  const body = doc.body.flatMap((b) => {
    if (b.type === 'numbered') return b.items.map((item) => item);
    return b.text.split('\n').filter((l) => l.trim());
  });
  return [
    'บันทึกข้อความ',
    'ส่วนราชการ',
    doc.unitLine,
    'ที่',
    'วันที่',
    formatThaiDate(doc.date, digits),
    'เรื่อง',
    doc.subject,
    'เรียน',
    doc.addressee,
    ...body,
    doc.closing,
    `(${doc.author.name})`,
    ...doc.author.positionLines,
    ...doc.endorsements.flatMap((e) => [
      e.heading,
      ...e.text.split('\n').filter((l) => l.trim()),
      `(${e.signer.name})`,
      ...e.signer.positionLines,
      formatThaiShortDate(e.date, digits),
    ]),
  ];
}

/** Page-number lines and continuation words removed: what is left is the memo's own text. */
export function withoutPageFurniture(text: string): string {
  return text.replace(/^\s*-[๐-๙0-9]+-\s*$/gmu, '').replace(/\S*…/gu, '');
}

/**
 * (c) Parts out of the form's order in content order (-raw): each part must come after the one
 * before it; "บันทึกข้อความ" must be the first text of the document.
 */
export function outOfOrder(raw: string, parts: string[]): string[] {
  const text = normalise(withoutPageFurniture(raw));
  const defects: string[] = [];
  if (!text.startsWith(normalise(parts[0]))) defects.push(`${parts[0]} is not first`);
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(normalise(part), from);
    if (at < 0) defects.push(part);
    else from = at + normalise(part).length;
  }
  return defects;
}

/**
 * (d) Blocks split across pages: the closing line with the author's signature block, and each
 * endorsement (heading, opinion, name, position, date) must each be read on one page; the
 * decision on the page of the endorsement before it.
 */
export function splitBlocks(pageTexts: string[], doc: MemoDocument): string[] {
  const digits = doc.organisation.digits;
  const pages = pageTexts.map((t) => normalise(withoutPageFurniture(t)));
  const blocks: { name: string; parts: string[] }[] = [
    {
      name: 'closing and signature',
      parts: [doc.closing, `(${doc.author.name})`, ...doc.author.positionLines],
    },
    ...doc.endorsements.map((e) => ({
      name: e.heading,
      parts: [
        e.heading,
        ...e.text.split('\n').filter((l) => l.trim()),
        `(${e.signer.name})`,
        ...e.signer.positionLines,
        formatThaiShortDate(e.date, digits),
      ],
    })),
  ];
  const defects: string[] = [];
  let page = 0;
  const pageOfBlock: number[] = [];
  for (const block of blocks) {
    const first = normalise(block.parts[0]);
    while (page < pages.length && !pages[page].includes(first)) page++;
    if (page >= pages.length) {
      defects.push(`${block.name}: not found`);
      page = 0;
      pageOfBlock.push(-1);
      continue;
    }
    pageOfBlock.push(page);
    const text = pages[page].slice(pages[page].indexOf(first));
    let from = 0;
    for (const part of block.parts) {
      const at = text.indexOf(normalise(part), from);
      if (at < 0) {
        defects.push(`${block.name}: "${part}" not on page ${page + 1}`);
        break;
      }
      from = at + normalise(part).length;
    }
  }
  const n = pageOfBlock.length;
  if (doc.endorsements.length >= 2 && pageOfBlock[n - 1] !== pageOfBlock[n - 2]) {
    defects.push('the decision is not on the page of the endorsement before it');
  }
  return defects;
}

/**
 * The continuation words: each page of the memo but its last ends with "<word>…" where <word>
 * begins the next page (page numbers aside); the last page of the memo has none.
 */
export function wrongContinuations(pages: BboxPage[]): string[] {
  const memoPages = pages.findIndex((p) => p.width > p.height);
  const count = memoPages < 0 ? pages.length : memoPages;
  const words = (p: BboxPage) => p.blocks.flat().flatMap((l) => l.words);
  const defects: string[] = [];
  for (let i = 0; i < count; i++) {
    const foot = pages[i].blocks.flat().filter((l) => /…$/u.test(l.text));
    if (i === count - 1) {
      if (foot.length > 0) defects.push(`page ${i + 1}: a continuation word on the memo's last page`);
      continue;
    }
    if (foot.length !== 1) {
      defects.push(`page ${i + 1}: ${foot.length} continuation words`);
      continue;
    }
    const next = words(pages[i + 1])
      .filter((w) => !/^-[๐-๙0-9]+-$/u.test(w.text))
      .map((w) => normalise(w.text))
      .join('');
    const word = normalise(foot[0].text.replace(/…$/u, ''));
    if (!word || !next.startsWith(word))
      defects.push(`page ${i + 1}: "${foot[0].text}" but page ${i + 2} begins "${next.slice(0, 20)}"`);
  }
  return defects;
}
