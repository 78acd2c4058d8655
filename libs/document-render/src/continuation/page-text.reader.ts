import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream } from 'pdf-lib';
import type { PDFDocument, PDFPage } from 'pdf-lib';

/**
 * The first lines of text of a page of a PDF that Chromium printed, from the top of the page
 * down, read from the page's own content stream.
 *
 * Why not poppler or pdf.js: the continuation words need a page's first word on every
 * multi-page memo, in the worker's hot path. `pdftotext` costs a process (≈ 11 ms of the
 * worker's CPU to spawn it, ≈ 25 ms of its own) and pdf.js ≈ 30 ms per document (it converts
 * every font); this reader walks the text operators of the document pdf-lib has already
 * loaded for finishing, in about a millisecond. It understands what Skia (Chromium's PDF
 * backend) writes — Tf/Tm/Td/TJ/Tj with hex glyph strings, each font's ToUnicode map, and
 * /ActualText spans for clusters whose glyphs do not map one to one — and no more. The
 * fidelity suite (test/document/fidelity.spec.ts) checks every continuation word it gives
 * against poppler's reading of the next page.
 */
export function pageLines(
  pdf: PDFDocument,
  page: PDFPage,
  cache = new FontMapCache(),
  maxLines = 4,
): string[] {
  const fonts = fontMaps(pdf, page, cache);
  const lines: { y: number; text: string }[] = [];
  let line = '';
  let lineY: number | undefined;
  let font: Map<number, string> | undefined;
  let actual: string | undefined;
  let actualDepth = -1;
  let depth = 0;
  // The graphics state's transformation (cm, q/Q) and the text line matrix (Tm, Td): a line's
  // height on the page is known whatever block and scale drew it.
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const saved: Matrix[] = [];
  let tlm: Matrix = [1, 0, 0, 1, 0, 0];
  const operands: string[] = [];
  const num = (i: number) => Number(operands[operands.length - i]);
  const flush = () => {
    if (line.trim() && lineY !== undefined) lines.push({ y: lineY, text: line.trim() });
    line = '';
  };
  /** A new position for the text: the same baseline continues the line, another starts one. */
  const moveTo = (m: Matrix) => {
    tlm = m;
    const y = ctm[1] * m[4] + ctm[3] * m[5] + ctm[5];
    if (lineY !== undefined && Math.abs(y - lineY) > 0.5) flush();
    lineY = y;
  };
  const show = (hex: string) => {
    if (actual !== undefined) return; // the span's ActualText stands for its glyphs
    for (let i = 0; i + 4 <= hex.length; i += 4) line += font?.get(parseInt(hex.slice(i, i + 4), 16)) ?? '';
  };
  for (const m of contentOf(pdf, page).matchAll(TOKEN)) {
    const token = m[0];
    if (!/^[A-Za-z'"*]+$/.test(token)) {
      operands.push(token);
      continue;
    }
    switch (token) {
      case 'q':
        saved.push(ctm);
        break;
      case 'Q':
        ctm = saved.pop() ?? ctm;
        break;
      case 'cm':
        ctm = multiply([num(6), num(5), num(4), num(3), num(2), num(1)], ctm);
        break;
      case 'Tf':
        font = fonts.get(operands[operands.length - 2]?.slice(1) ?? '');
        break;
      case 'Tm':
        // A run placed anew on the baseline of the line is another box of it (Chromium places
        // each word box it broke the text into): a word boundary, as poppler's gap would be.
        if (actual === undefined) line += ' ';
        moveTo([num(6), num(5), num(4), num(3), num(2), num(1)]);
        break;
      case 'Td':
      case 'TD':
        moveTo(multiply([1, 0, 0, 1, num(2), num(1)], tlm));
        break;
      case 'Tj':
      case "'":
      case '"':
        show(hexOf(operands[operands.length - 1]));
        break;
      case 'TJ':
        for (const s of operands) if (s.startsWith('<')) show(hexOf(s));
        break;
      case 'BDC':
      case 'BMC': {
        depth += 1;
        const at = operands.indexOf('/ActualText');
        if (token === 'BDC' && at >= 0 && actual === undefined) {
          actual = utf16(hexOf(operands[at + 1] ?? '<>'));
          actualDepth = depth;
        }
        break;
      }
      case 'EMC':
        if (depth === actualDepth && actual !== undefined) {
          line += actual;
          actual = undefined;
          actualDepth = -1;
        }
        depth = Math.max(0, depth - 1);
        break;
    }
    operands.length = 0;
  }
  flush();
  // Top of the page first (PDF space grows upwards); lines of one height keep their order.
  return lines
    .sort((a, b) => b.y - a.y)
    .slice(0, maxLines)
    .map((l) => composeSaraAm(l.text));
}

type Matrix = [number, number, number, number, number, number];

/** m × n, as PDF composes transformations (m applied first). */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

/** Operators, names, dictionaries' brackets, hex and literal strings, numbers, arrays. */
const TOKEN =
  /\/[^\s/[\]<>()%]+|<<|>>|<[0-9A-Fa-f\s]*>|\(((?:\\.|[^\\)])*)\)|[[\]]|[-+]?(?:\d+\.?\d*|\.\d+)|[A-Za-z'"*]+/g;

function hexOf(token: string | undefined): string {
  return token?.startsWith('<') ? token.slice(1, -1).replace(/\s+/g, '') : '';
}

function utf16(hex: string): string {
  const bytes = Buffer.from(hex, 'hex');
  const start = bytes[0] === 0xfe && bytes[1] === 0xff ? 2 : 0;
  let s = '';
  for (let i = start; i + 1 < bytes.length; i += 2) s += String.fromCharCode(bytes.readUInt16BE(i));
  return s;
}

/**
 * As typed: marks in canonical order (a shaper may draw a tone mark's glyph before its lower
 * vowel's) and ำ composed (fonts that draw it as ํ + า give it back decomposed).
 */
function composeSaraAm(s: string): string {
  return s.normalize('NFC').replace(/\u0E4D\u0E32/gu, '\u0E33');
}

/** A stream's bytes decoded, as Latin-1 text (content streams and CMaps are ASCII with binary strings). */
export function streamText(stream: PDFStream): string {
  if (!(stream instanceof PDFRawStream)) return Buffer.from(stream.getContents()).toString('latin1');
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const bytes =
    filter === PDFName.of('FlateDecode')
      ? inflateSync(stream.contents)
      : filter === undefined
        ? stream.contents
        : decodePDFRawStream(stream).decode();
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function contentOf(pdf: PDFDocument, page: PDFPage): string {
  const contents = page.node.Contents();
  if (!contents) return '';
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((ref) => pdf.context.lookup(ref)) : [contents];
  return streams
    .filter((s): s is PDFStream => s instanceof PDFStream)
    .map((s) => streamText(s))
    .join('\n');
}

/** ToUnicode maps already read, by font object: pages share their fonts. */
export class FontMapCache {
  readonly byFont = new Map<PDFDict, Map<number, string>>();
}

/** Each font of the page's resources: glyph code → text, from its ToUnicode map. */
function fontMaps(pdf: PDFDocument, page: PDFPage, cache: FontMapCache): Map<string, Map<number, string>> {
  const maps = new Map<string, Map<number, string>>();
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
  if (!fonts) return maps;
  for (const [name, value] of fonts.entries()) {
    const dict = value instanceof PDFRef ? pdf.context.lookup(value) : value;
    if (!(dict instanceof PDFDict)) continue;
    let map = cache.byFont.get(dict);
    if (!map) {
      const toUnicode = dict.lookup(PDFName.of('ToUnicode'));
      map =
        toUnicode instanceof PDFStream ? parseToUnicode(streamText(toUnicode)) : new Map<number, string>();
      cache.byFont.set(dict, map);
    }
    maps.set(name.decodeText(), map);
  }
  return maps;
}

/** A ToUnicode CMap's bfchar and bfrange entries (two-byte codes, as Skia writes them). */
export function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const e of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g))
      map.set(parseInt(e[1], 16), utf16(e[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const e of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])/g)) {
      const lo = parseInt(e[1], 16);
      const hi = parseInt(e[2], 16);
      if (e[3].startsWith('[')) {
        const targets = [...e[3].matchAll(/<([0-9A-Fa-f]*)>/g)].map((t) => utf16(t[1]));
        for (let c = lo; c <= hi && c - lo < targets.length; c++) map.set(c, targets[c - lo]);
      } else {
        const first = utf16(e[3].slice(1, -1));
        const last = first.charCodeAt(first.length - 1);
        for (let c = lo; c <= hi; c++) map.set(c, first.slice(0, -1) + String.fromCharCode(last + c - lo));
      }
    }
  }
  return map;
}
