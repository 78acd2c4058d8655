import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { PdfSanitiseError, sanitisePdf } from '@saraban/pdf-sanitiser';
import { hostilePageText, hostilePdf, internalLinks, webLinks } from '../utils/hostile-pdf';
import { activeContentNames, scanPdfForActiveContent } from '../utils/pdf-active-content';
import { pdfPagePng, pdfText, squash } from './poppler';

// sanitisePdf on Debian's qpdf, judged by pdf-lib (every object, object streams included) and
// poppler: what a reader of the PDF would get, and what a viewer could run.

describe('sanitisePdf (qpdf)', () => {
  it('removes every kind of active content from the hostile fixture and keeps its pages, text and links', async () => {
    const hostile = await hostilePdf(2);
    expect(activeContentNames(await scanPdfForActiveContent(hostile))).toEqual([
      '3D',
      'AA',
      'EmbeddedFile',
      'EmbeddedFiles',
      'FileAttachment',
      'GoToE',
      'GoToR',
      'ImportData',
      'JS',
      'JavaScript',
      'Launch',
      'OpenAction',
      'RichMedia',
      'SubmitForm',
      'URI',
      'XFA',
    ]);

    const clean = await sanitisePdf(hostile);

    expect(await scanPdfForActiveContent(clean)).toEqual([]);
    expect((await PDFDocument.load(clean)).getPageCount()).toBe(2);
    const text = squash(await pdfText(clean));
    expect(text).toContain(squash(hostilePageText(1)));
    expect(text).toContain(squash(hostilePageText(2)));
    expect(await internalLinks(clean)).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    expect(await webLinks(clean)).toEqual(['https://www.example.go.th/report']);
    // Page 2 has no annotations: it looks exactly as before.
    expect((await pdfPagePng(clean, 2, 40)).equals(await pdfPagePng(hostile, 2, 40))).toBe(true);
  });

  it('gives the same bytes for the same file, and leaves a sanitised file as it is', async () => {
    const once = await sanitisePdf(await hostilePdf(2));
    expect((await sanitisePdf(await hostilePdf(2))).equals(once)).toBe(true);
    expect((await sanitisePdf(once)).equals(once)).toBe(true);
  });

  it('cleans a 50-page file, every page of which has its own script', async () => {
    const clean = await sanitisePdf(await hostilePdf(50));
    expect(await scanPdfForActiveContent(clean)).toEqual([]);
    expect((await PDFDocument.load(clean)).getPageCount()).toBe(50);
    expect(squash(await pdfText(clean))).toContain(squash(hostilePageText(50)));
  });

  it('answers unreadable to what qpdf cannot read', async () => {
    await expect(sanitisePdf(Buffer.from('%PDF-1.7\nnot a pdf at all\n'))).rejects.toMatchObject({
      name: 'PdfSanitiseError',
      reason: 'unreadable',
    });
  });

  it('refuses a file with a script key where no viewer looks but the allowlist does not reach (a font)', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText('hidden', { font });
    await doc.save(); // embeds the font
    doc.context.lookup(font.ref, PDFDict).set(PDFName.of('JS'), PDFString.of('app.alert(1)'));
    const error = await sanitisePdf(await doc.save()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfSanitiseError);
    expect(error).toMatchObject({ reason: 'active_content', message: expect.stringContaining('/JS') });
  });
});
