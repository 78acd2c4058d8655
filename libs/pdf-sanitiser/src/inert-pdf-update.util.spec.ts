import {
  activeContentIn,
  inertPdfUpdate,
  type QpdfDict,
  type QpdfJson,
  type QpdfObject,
} from './inert-pdf-update.util';
import { PdfSanitiseError } from './pdf-sanitise.error';

// The allowlist on qpdf's JSON, without qpdf: hand-written object graphs in its format.

function pdfJson(objects: Record<string, QpdfObject>, pages = ['3 0 R', '4 0 R']): QpdfJson {
  return {
    pages: pages.map((object) => ({ object })),
    qpdf: [{ jsonversion: 2, maxobjectid: 40 }, objects],
  };
}

const js = { '/S': '/JavaScript', '/JS': "u:app.alert('x')" };

function hostileObjects(): Record<string, QpdfObject> {
  return {
    trailer: { value: { '/Root': '1 0 R', '/Info': '9 0 R', '/Size': 41 } },
    'obj:1 0 R': {
      value: {
        '/Type': '/Catalog',
        '/Pages': '2 0 R',
        '/Lang': 'u:th-TH',
        '/OpenAction': js,
        '/AA': { '/WC': js },
        '/Names': '5 0 R',
        '/AcroForm': { '/Fields': ['12 0 R'], '/XFA': '13 0 R' },
        '/Outlines': '14 0 R',
      },
    },
    'obj:2 0 R': { value: { '/Type': '/Pages', '/Kids': ['3 0 R', '4 0 R'], '/Count': 2 } },
    'obj:3 0 R': {
      value: {
        '/Type': '/Page',
        '/Parent': '2 0 R',
        '/MediaBox': [0, 0, 595, 842],
        '/Contents': '6 0 R',
        '/Resources': { '/Font': { '/F1': '7 0 R' } },
        '/AA': { '/O': js },
        '/Annots': '8 0 R',
        '/Thumb': '15 0 R',
      },
    },
    'obj:4 0 R': { value: { '/Type': '/Page', '/Parent': '2 0 R', '/MediaBox': [0, 0, 595, 842] } },
    'obj:5 0 R': {
      value: {
        '/JavaScript': { '/Names': ['u:init', js] },
        '/EmbeddedFiles': { '/Names': ['u:a.sh', '10 0 R'] },
        '/Dests': { '/Names': ['u:chapter', ['4 0 R', '/Fit']] },
      },
    },
    'obj:6 0 R': { stream: { dict: { '/Length': 10 } } },
    'obj:7 0 R': { value: { '/Type': '/Font', '/Subtype': '/Type1', '/BaseFont': '/Helvetica' } },
    'obj:8 0 R': {
      value: [
        '11 0 R',
        {
          '/Type': '/Annot',
          '/Subtype': '/Link',
          '/Rect': [0, 0, 10, 10],
          '/A': { '/S': '/GoTo', '/D': ['4 0 R', '/Fit'], '/Next': js },
        },
        { '/Subtype': '/Link', '/Rect': [0, 0, 1, 1], '/Dest': 'u:chapter' },
        {
          '/Subtype': '/Link',
          '/Rect': [0, 0, 1, 1],
          '/A': { '/S': '/URI', '/URI': 'u:https://example.go.th/' },
        },
        {
          '/Subtype': '/Link',
          '/Rect': [0, 0, 1, 1],
          '/A': { '/S': '/URI', '/URI': 'u:file:///etc/passwd' },
        },
        {
          '/Subtype': '/Link',
          '/Rect': [0, 0, 1, 1],
          '/A': { '/S': '/URI', '/URI': 'b:6a6176617363726970743a31' },
        },
        { '/Subtype': '/Link', '/Rect': [0, 0, 1, 1], '/A': { '/S': '/Launch', '/F': 'u:/bin/sh' } },
        {
          '/Subtype': '/Link',
          '/Rect': [0, 0, 1, 1],
          '/A': { '/S': '/GoToR', '/F': 'u:x.pdf', '/D': [0, '/Fit'] },
        },
        { '/Subtype': '/Link', '/Rect': [0, 0, 1, 1], '/A': js },
        { '/Subtype': '/FileAttachment', '/Rect': [0, 0, 1, 1], '/FS': '10 0 R' },
        { '/Subtype': '/RichMedia', '/Rect': [0, 0, 1, 1] },
        { '/Subtype': '/3D', '/Rect': [0, 0, 1, 1] },
        { '/Subtype': '/Screen', '/Rect': [0, 0, 1, 1], '/A': { '/S': '/Rendition', '/JS': 'u:x' } },
        '12 0 R',
      ],
    },
    'obj:9 0 R': { value: { '/Title': 'u:report', '/AA': js } },
    'obj:10 0 R': { value: { '/Type': '/Filespec', '/EF': { '/F': '16 0 R' } } },
    'obj:11 0 R': {
      value: {
        '/Type': '/Annot',
        '/Subtype': '/Highlight',
        '/Rect': [1, 1, 2, 2],
        '/AP': '17 0 R',
        '/AA': js,
      },
    },
    'obj:12 0 R': {
      value: {
        '/Type': '/Annot',
        '/Subtype': '/Widget',
        '/FT': '/Btn',
        '/Rect': [5, 5, 9, 9],
        '/AP': '17 0 R',
        '/A': { '/S': '/SubmitForm', '/F': 'u:http://collector.example' },
        '/AA': { '/K': js },
        '/Parent': '18 0 R',
      },
    },
    'obj:13 0 R': { stream: { dict: { '/Length': 30 } } },
    'obj:14 0 R': { value: { '/First': '19 0 R' } },
    'obj:15 0 R': { stream: { dict: { '/Length': 1 } } },
    'obj:16 0 R': { stream: { dict: { '/Type': '/EmbeddedFile', '/Length': 5 } } },
    'obj:17 0 R': { stream: { dict: { '/Type': '/XObject', '/Subtype': '/Form', '/BBox': [0, 0, 1, 1] } } },
    'obj:18 0 R': { value: { '/T': 'u:send', '/AA': { '/F': js } } },
    'obj:19 0 R': { value: { '/Title': 'u:one', '/A': js } },
  };
}

function updated(objects: Record<string, QpdfObject>): Record<string, QpdfObject> {
  return inertPdfUpdate(pdfJson(objects)).qpdf[1];
}

/** The objects as qpdf will see them once the update is laid over them. */
function afterUpdate(objects: Record<string, QpdfObject>): Pick<QpdfJson, 'qpdf'> {
  return {
    qpdf: [
      { jsonversion: 2, maxobjectid: 40 },
      { ...objects, ...updated(objects) },
    ],
  };
}

describe('inertPdfUpdate', () => {
  it('rebuilds the catalog with the page tree, language and named destinations only', () => {
    expect(updated(hostileObjects())['obj:1 0 R']).toEqual({
      value: {
        '/Type': '/Catalog',
        '/Pages': '2 0 R',
        '/Lang': 'u:th-TH',
        '/Names': { '/Dests': { '/Names': ['u:chapter', ['4 0 R', '/Fit']] } },
      },
    });
  });

  it('drops the document information from the trailer and keeps its /Size', () => {
    expect(updated(hostileObjects()).trailer).toEqual({ value: { '/Root': '1 0 R', '/Size': 41 } });
  });

  it('keeps each page’s content, resources and boxes, without /AA or a thumbnail', () => {
    const page = updated(hostileObjects())['obj:3 0 R'].value as QpdfDict;
    expect(Object.keys(page).sort()).toEqual([
      '/Annots',
      '/Contents',
      '/MediaBox',
      '/Parent',
      '/Resources',
      '/Type',
    ]);
    expect(updated(hostileObjects())['obj:4 0 R'].value).toEqual({
      '/Type': '/Page',
      '/Parent': '2 0 R',
      '/MediaBox': [0, 0, 595, 842],
    });
  });

  it('keeps internal and https links (without chained actions) and drawn annotations, drops the rest', () => {
    const page = updated(hostileObjects())['obj:3 0 R'].value as QpdfDict;
    expect(page['/Annots']).toEqual([
      { '/Type': '/Annot', '/Subtype': '/Highlight', '/Rect': [1, 1, 2, 2], '/AP': '17 0 R' },
      {
        '/Type': '/Annot',
        '/Subtype': '/Link',
        '/Rect': [0, 0, 10, 10],
        '/A': { '/S': '/GoTo', '/D': ['4 0 R', '/Fit'] },
      },
      { '/Subtype': '/Link', '/Rect': [0, 0, 1, 1], '/Dest': 'u:chapter' },
      {
        '/Subtype': '/Link',
        '/Rect': [0, 0, 1, 1],
        '/A': { '/S': '/URI', '/URI': 'u:https://example.go.th/' },
      },
      // The form field stays as its appearance: no action, no field, no parent.
      { '/Type': '/Annot', '/Subtype': '/Widget', '/Rect': [5, 5, 9, 9], '/AP': '17 0 R' },
    ]);
  });

  it('leaves nothing active reachable: the scripts and files are left to qpdf to drop', () => {
    const objects = hostileObjects();
    expect(activeContentIn({ qpdf: [{ jsonversion: 2, maxobjectid: 40 }, objects] })).toEqual([
      '/3D',
      '/AA',
      '/EmbeddedFile',
      '/EmbeddedFiles',
      '/FileAttachment',
      '/GoToR',
      '/JS',
      '/JavaScript',
      '/Launch',
      '/OpenAction',
      '/RichMedia',
      '/SubmitForm',
      '/URI',
      '/XFA',
    ]);
    expect(activeContentIn(afterUpdate(objects))).toEqual([]);
  });

  it('answers unreadable to a file without a catalog, without pages, or with a page that is a stream', () => {
    const noRoot = { trailer: { value: { '/Size': 3 } } };
    expect(() => inertPdfUpdate(pdfJson(noRoot))).toThrow(PdfSanitiseError);
    expect(() => inertPdfUpdate(pdfJson(hostileObjects(), []))).toThrow(/no pages/);
    const streamPage = { ...hostileObjects(), 'obj:4 0 R': { stream: { dict: { '/Type': '/Page' } } } };
    expect(() => inertPdfUpdate(pdfJson(streamPage))).toThrow(
      expect.objectContaining({ reason: 'unreadable' }) as Error,
    );
  });
});

describe('activeContentIn', () => {
  it('finds what sits where no allowlist looks (a font, the page tree), and names qpdf writes as n:/', () => {
    const objects = hostileObjects();
    objects['obj:7 0 R'] = { value: { '/Type': '/Font', '/JS': 'u:x' } };
    objects['obj:2 0 R'] = {
      value: { '/Type': '/Pages', '/Kids': ['3 0 R', '4 0 R'], '/Count': 2, '/X': 'n:/AA' },
    };
    expect(activeContentIn(afterUpdate(objects))).toEqual(['/AA', '/JS']);
  });

  it('ignores objects nothing refers to and follows reference cycles once', () => {
    const objects: Record<string, QpdfObject> = {
      trailer: { value: { '/Root': '1 0 R' } },
      'obj:1 0 R': { value: { '/Type': '/Catalog', '/Pages': '2 0 R' } },
      'obj:2 0 R': { value: { '/Type': '/Pages', '/Kids': ['3 0 R'], '/Count': 1 } },
      'obj:3 0 R': { value: { '/Type': '/Page', '/Parent': '2 0 R' } },
      'obj:4 0 R': { value: js },
    };
    expect(activeContentIn({ qpdf: [{ jsonversion: 2, maxobjectid: 4 }, objects] })).toEqual([]);
  });

  it('flags a /URI that is not http(s), written as text or as bytes', () => {
    const withUri = (uri: string): Pick<QpdfJson, 'qpdf'> => ({
      qpdf: [
        { jsonversion: 2, maxobjectid: 1 },
        { trailer: { value: { '/Root': '1 0 R' } }, 'obj:1 0 R': { value: { '/URI': uri } } },
      ],
    });
    expect(activeContentIn(withUri('u:http://example.go.th'))).toEqual([]);
    expect(activeContentIn(withUri('u:mailto:someone@example.go.th'))).toEqual(['/URI']);
    expect(activeContentIn(withUri(`b:${Buffer.from('file:///etc/passwd').toString('hex')}`))).toEqual([
      '/URI',
    ]);
  });
});
