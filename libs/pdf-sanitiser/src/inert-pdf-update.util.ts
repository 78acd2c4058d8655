import { PdfSanitiseError } from './pdf-sanitise.error';

// qpdf's JSON (version 2) of a PDF's objects, and the update qpdf applies with
// --update-from-json. Names are "/Name", references "12 0 R", strings "u:text" or "b:hex".

export type QpdfValue = null | boolean | number | string | QpdfValue[] | { [key: string]: QpdfValue };
export type QpdfDict = { [key: string]: QpdfValue };

export interface QpdfObject {
  value?: QpdfValue;
  stream?: { dict: QpdfDict };
}

export interface QpdfJson {
  pages: { object: string }[];
  qpdf: [{ jsonversion: number; maxobjectid: number }, Record<string, QpdfObject>];
}

export interface QpdfUpdate {
  qpdf: [{ jsonversion: 2; maxobjectid: number }, Record<string, QpdfObject>];
}

/** What a viewer can act on: scripts, launching, sending, other files, embedded files, media. */
export const ACTIVE_NAMES: ReadonlySet<string> = new Set(
  [
    'JavaScript',
    'JS',
    'Launch',
    'ImportData',
    'SubmitForm',
    'GoToR',
    'GoToE',
    'OpenAction',
    'AA',
    'EmbeddedFiles',
    'EmbeddedFile',
    'FileAttachment',
    'XFA',
    'RichMedia',
    '3D',
  ].map((n) => `/${n}`),
);

/** What a reader needs of a page: its content, resources and boxes (no /AA, thumbnails, beads...). */
const PAGE_KEYS = [
  '/Type',
  '/Parent',
  '/Resources',
  '/Contents',
  '/MediaBox',
  '/CropBox',
  '/BleedBox',
  '/TrimBox',
  '/ArtBox',
  '/Rotate',
  '/UserUnit',
  '/Group',
];

/** How a link looks; its target is added only when it is a page here or an http(s) address. */
const LINK_KEYS = ['/Type', '/Subtype', '/Rect', '/Border', '/BS', '/C', '/H', '/QuadPoints', '/F'];

/**
 * Annotations that only draw (comments, highlights, stamps; form fields as their appearance,
 * without the field): kept with the keys that draw them. Any other subtype (FileAttachment,
 * RichMedia, 3D, Screen, Movie, Sound, Popup...) is dropped.
 */
const DRAWN_SUBTYPES = new Set(
  [
    'Text',
    'FreeText',
    'Line',
    'Square',
    'Circle',
    'Polygon',
    'PolyLine',
    'Highlight',
    'Underline',
    'Squiggly',
    'StrikeOut',
    'Caret',
    'Ink',
    'Stamp',
    'Widget',
  ].map((n) => `/${n}`),
);
const DRAWN_KEYS = [
  '/Type',
  '/Subtype',
  '/Rect',
  '/AP',
  '/AS',
  '/F',
  '/Contents',
  '/NM',
  '/M',
  '/T',
  '/Subj',
  '/CreationDate',
  '/Name',
  '/C',
  '/CA',
  '/IC',
  '/Border',
  '/BS',
  '/BE',
  '/RD',
  '/QuadPoints',
  '/InkList',
  '/Vertices',
  '/L',
  '/LE',
  '/IT',
  '/DA',
  '/Q',
  '/MK',
];

const WEB_URI = /^\s*https?:\/\//i;
const REF = /^\d+ \d+ R$/;

function isRef(v: QpdfValue | undefined): v is string {
  return typeof v === 'string' && REF.test(v);
}

function isDict(v: QpdfValue | undefined): v is QpdfDict {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A name's text with its slash; qpdf writes names that are not valid UTF-8 as "n:/...". */
function nameOf(v: QpdfValue | undefined): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (v.startsWith('/')) return v;
  return v.startsWith('n:/') ? v.slice(2) : undefined;
}

function textOf(v: QpdfValue | undefined): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (v.startsWith('u:')) return v.slice(2);
  return v.startsWith('b:') ? Buffer.from(v.slice(2), 'hex').toString('latin1') : undefined;
}

function pick(dict: QpdfDict, keys: string[]): QpdfDict {
  const out: QpdfDict = {};
  for (const key of keys) if (dict[key] !== undefined) out[key] = dict[key];
  return out;
}

function unreadable(detail: string): PdfSanitiseError {
  return new PdfSanitiseError('unreadable', detail);
}

/** The PDF as qpdf read it: objects by reference, with updates laid over them. */
class ObjectGraph {
  readonly updates: Record<string, QpdfObject> = {};

  constructor(private readonly objects: Record<string, QpdfObject>) {}

  object(ref: string): QpdfObject | undefined {
    return this.updates[`obj:${ref}`] ?? this.objects[`obj:${ref}`];
  }

  /** A value with one reference followed (a stream gives its dictionary). */
  resolve(v: QpdfValue | undefined): QpdfValue | undefined {
    if (!isRef(v)) return v;
    const o = this.object(v);
    return o?.value ?? o?.stream?.dict;
  }

  dict(v: QpdfValue | undefined): QpdfDict | undefined {
    const d = this.resolve(v);
    return isDict(d) ? d : undefined;
  }

  array(v: QpdfValue | undefined): QpdfValue[] {
    const a = this.resolve(v);
    return Array.isArray(a) ? a : [];
  }

  replace(ref: string, value: QpdfDict): void {
    if (this.object(ref)?.stream) throw unreadable(`${ref} should be a dictionary, not a stream`);
    this.updates[`obj:${ref}`] = { value };
  }
}

function inertLink(graph: ObjectGraph, annot: QpdfDict): QpdfDict | null {
  const link = pick(annot, LINK_KEYS);
  if (annot['/Dest'] !== undefined) return { ...link, '/Dest': annot['/Dest'] };
  const action = graph.dict(annot['/A']);
  const kind = nameOf(action?.['/S']);
  if (action && kind === '/GoTo' && action['/D'] !== undefined) {
    // /Next (a chained action) is not kept.
    return { ...link, '/A': { '/S': '/GoTo', '/D': action['/D'] } };
  }
  if (action && kind === '/URI' && WEB_URI.test(textOf(graph.resolve(action['/URI'])) ?? '')) {
    return { ...link, '/A': { '/S': '/URI', '/URI': graph.resolve(action['/URI']) ?? null } };
  }
  return null;
}

function inertAnnotation(graph: ObjectGraph, v: QpdfValue): QpdfDict | null {
  const annot = graph.dict(v);
  const subtype = nameOf(annot?.['/Subtype']);
  if (!annot || !subtype) return null;
  if (subtype === '/Link') return inertLink(graph, annot);
  return DRAWN_SUBTYPES.has(subtype) ? pick(annot, DRAWN_KEYS) : null;
}

/**
 * Every active name, and /URI that is not http(s), reachable from the trailer of the PDF qpdf
 * wrote (it writes only reachable objects): the check of the result, sorted. Walks with its own
 * stack, so a deeply nested file cannot overflow the call stack.
 */
export function activeContentIn(json: Pick<QpdfJson, 'qpdf'>): string[] {
  const graph = new ObjectGraph(json.qpdf[1]);
  const found = new Set<string>();
  const seen = new Set<string>();
  const stack: QpdfValue[] = [json.qpdf[1].trailer?.value ?? null];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      const name = nameOf(v);
      if (name !== undefined && ACTIVE_NAMES.has(name)) found.add(name);
      if (isRef(v) && !seen.has(v)) {
        seen.add(v);
        const next = graph.resolve(v);
        if (next !== undefined) stack.push(next);
      }
    } else if (Array.isArray(v)) {
      stack.push(...v);
    } else if (isDict(v)) {
      for (const [key, value] of Object.entries(v)) {
        if (ACTIVE_NAMES.has(key)) found.add(key);
        if (key === '/URI' && !WEB_URI.test(textOf(graph.resolve(value)) ?? '')) found.add('/URI');
        stack.push(value);
      }
    }
  }
  return [...found].sort();
}

/**
 * The qpdf update that makes a PDF inert, by allowlist: a new catalog with only the page tree
 * and the named destinations (no /OpenAction, /AA, /Names /JavaScript or /EmbeddedFiles,
 * /AcroForm or /XFA, outlines, metadata), a trailer without /Info, every page with its content,
 * resources and boxes only, and its annotations rebuilt: links whose target is a page (/Dest or
 * GoTo) or an http(s) address, and annotations that only draw, with the keys that draw them.
 * Whatever is no longer referenced is not written by qpdf. Throws PdfSanitiseError
 * `unreadable` when the file has no catalog or pages.
 */
export function inertPdfUpdate(json: QpdfJson): QpdfUpdate {
  const [header, objects] = json.qpdf;
  const graph = new ObjectGraph(objects);
  const trailer = objects.trailer?.value;
  const rootRef = isDict(trailer) ? trailer['/Root'] : undefined;
  const catalog = graph.dict(rootRef);
  if (!isDict(trailer) || !isRef(rootRef) || !catalog || !isRef(catalog['/Pages'])) {
    throw unreadable('no catalog with a page tree');
  }
  if (json.pages.length === 0) throw unreadable('no pages');

  const inertCatalog: QpdfDict = { '/Type': '/Catalog', ...pick(catalog, ['/Pages', '/Dests', '/Lang']) };
  const namedDests = graph.dict(catalog['/Names'])?.['/Dests'];
  if (namedDests !== undefined) inertCatalog['/Names'] = { '/Dests': namedDests };
  graph.replace(rootRef, inertCatalog);

  for (const { object: ref } of json.pages) {
    const page = graph.dict(ref);
    if (!page) throw unreadable(`page ${ref} is not a dictionary`);
    const annots = graph
      .array(page['/Annots'])
      .map((a) => inertAnnotation(graph, a))
      .filter((a): a is QpdfDict => a !== null);
    graph.replace(ref, { ...pick(page, PAGE_KEYS), ...(annots.length > 0 ? { '/Annots': annots } : {}) });
  }

  // qpdf fills in /Size and /ID itself but needs the key to be there.
  const inertTrailer: QpdfDict = { '/Root': rootRef, '/Size': trailer['/Size'] ?? header.maxobjectid + 1 };
  return {
    qpdf: [
      { jsonversion: 2, maxobjectid: header.maxobjectid },
      { ...graph.updates, trailer: { value: inertTrailer } },
    ],
  };
}
