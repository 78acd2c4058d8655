import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// Poppler's command-line tools, run on a PDF held in memory: the independent readers the
// document tests judge the renderer and the signature by.

const run = promisify(execFile);

async function withPdfFile<T>(pdf: Buffer, use: (file: string, dir: string) => Promise<T>): Promise<T> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'saraban-pdf-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    await fs.writeFile(file, pdf);
    return await use(file, dir);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/**
 * pdftotext, optionally of a page range: -layout (the physical layout, as a reader sees the
 * page) by default, or -raw (content-stream order: each table cell's text stays together).
 */
export function pdfText(
  pdf: Buffer,
  pages?: { first: number; last: number },
  mode: 'layout' | 'raw' = 'layout',
): Promise<string> {
  return withPdfFile(pdf, async (file) => {
    const range = pages ? ['-f', String(pages.first), '-l', String(pages.last)] : [];
    const { stdout } = await run('pdftotext', [`-${mode}`, '-enc', 'UTF-8', ...range, file, '-'], {
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  });
}

export interface PdfFontRow {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(pdf: Buffer): Promise<PdfFontRow[]> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdffonts', [file]);
    return stdout
      .split('\n')
      .slice(2)
      .filter((l) => l.trim().length > 0)
      .map((line) => {
        // name, type (may hold spaces), encoding, emb, sub, uni, object, gen
        const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(line);
        if (!m) throw new Error(`unexpected pdffonts line: ${line}`);
        return { name: m[1], type: m[2], embedded: m[4] === 'yes' };
      });
  });
}

export interface PdfPageSize {
  width: number;
  height: number;
}

/** Page sizes in points, from pdfinfo. */
export function pdfPageSizes(pdf: Buffer): Promise<PdfPageSize[]> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', ['-f', '1', '-l', '9999', file]);
    return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => ({
      width: Number(m[1]),
      height: Number(m[2]),
    }));
  });
}

/** Whether pdfinfo reports the PDF as tagged (a structure tree for screen readers). */
export function pdfTagged(pdf: Buffer): Promise<boolean> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdfinfo', [file]);
    return /^Tagged:\s+yes$/m.test(stdout);
  });
}

/** pdfsig's report; its exit code is not an error here (an invalid signature is an answer). */
export function pdfSig(pdf: Buffer): Promise<string> {
  return withPdfFile(pdf, async (file) => {
    try {
      const { stdout, stderr } = await run('pdfsig', [file]);
      return stdout + stderr;
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      return (e.stdout ?? '') + (e.stderr ?? '');
    }
  });
}

/** PNG of one page at the given resolution (pdftoppm). */
export function pdfPagePng(pdf: Buffer, page: number, dpi: number): Promise<Buffer> {
  return withPdfFile(pdf, async (file, dir) => {
    const prefix = path.join(dir, 'page');
    await run('pdftoppm', [
      '-png',
      '-r',
      String(dpi),
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      file,
      prefix,
    ]);
    return fs.readFile(`${prefix}.png`);
  });
}

/** Whitespace removed: pdftotext splits lines and may space out Thai combining marks. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/**
 * Asserts that the needles occur in `haystack` in this order (after squash); returns the
 * first one missing or out of order, or null.
 */
export function firstOutOfOrder(haystack: string, needles: string[]): string | null {
  const text = squash(haystack);
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(squash(needle), from);
    if (at < 0) return needle;
    from = at + squash(needle).length;
  }
  return null;
}

export interface BboxWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}
export interface BboxLine extends BboxWord {
  words: BboxWord[];
}
export interface BboxPage {
  width: number;
  height: number;
  /** Blocks of lines as pdftotext's layout analysis groups them (a paragraph, a table cell). */
  blocks: BboxLine[][];
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

function box(attrs: string): Omit<BboxWord, 'text'> {
  const num = (name: string): number => Number(new RegExp(`${name}="(-?[\\d.]+)"`).exec(attrs)?.[1] ?? NaN);
  return { xMin: num('xMin'), yMin: num('yMin'), xMax: num('xMax'), yMax: num('yMax') };
}

/** pdftotext -bbox-layout: every page's blocks, lines and words with their boxes (points, y down). */
export function pdfBboxLayout(pdf: Buffer): Promise<BboxPage[]> {
  return withPdfFile(pdf, async (file) => {
    const { stdout } = await run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], {
      maxBuffer: 256 * 1024 * 1024,
    });
    const pages: BboxPage[] = [];
    for (const pm of stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
      const blocks: BboxLine[][] = [];
      for (const bm of pm[3].matchAll(/<block[^>]*>([\s\S]*?)<\/block>/g)) {
        const lines: BboxLine[] = [];
        for (const lm of bm[1].matchAll(/<line([^>]*)>([\s\S]*?)<\/line>/g)) {
          const words = [...lm[2].matchAll(/<word([^>]*)>([\s\S]*?)<\/word>/g)].map((wm) => ({
            ...box(wm[1]),
            text: unescapeXml(wm[2]),
          }));
          lines.push({ ...box(lm[1]), text: words.map((w) => w.text).join(' '), words });
        }
        blocks.push(lines);
      }
      pages.push({ width: Number(pm[1]), height: Number(pm[2]), blocks });
    }
    return pages;
  });
}

export interface GrayPage {
  width: number;
  height: number;
  /** One byte a pixel, 0 black … 255 white, row by row. */
  pixels: Buffer;
}

/** Every page as greyscale pixels (pdftoppm -gray, PGM). */
export function pdfGrayPages(pdf: Buffer, dpi: number): Promise<GrayPage[]> {
  return withPdfFile(pdf, async (file, dir) => {
    const prefix = path.join(dir, 'page');
    await run('pdftoppm', ['-gray', '-r', String(dpi), file, prefix]);
    const names = (await fs.readdir(dir)).filter((n) => n.startsWith('page') && n.endsWith('.pgm')).sort();
    const pages: GrayPage[] = [];
    for (const name of names) {
      const data = await fs.readFile(path.join(dir, name));
      // P5 header: magic, width, height, maxval, each followed by whitespace.
      const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 64).toString('latin1'));
      if (!header) throw new Error(`${name} is not a binary PGM`);
      const width = Number(header[1]);
      const height = Number(header[2]);
      pages.push({
        width,
        height,
        pixels: data.subarray(header[0].length, header[0].length + width * height),
      });
    }
    return pages;
  });
}
