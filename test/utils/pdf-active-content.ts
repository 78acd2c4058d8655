import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFObject,
} from 'pdf-lib';

/** Names that make a PDF active: scripts, launching, forms that send, remote documents, embedded files. */
export const ACTIVE_CONTENT_NAMES = [
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
] as const;

export interface ActiveContentFinding {
  /** The name found (without its slash), or `URI` for a link to something that is not http(s). */
  name: string;
  /** `5 0 R` of the indirect object it sits in, or `trailer`. */
  where: string;
  /** `key` when the name is a dictionary key, `value` when it is a value (e.g. /S /JavaScript). */
  as: 'key' | 'value' | 'uri';
}

const ACTIVE = new Set<string>(ACTIVE_CONTENT_NAMES);

function nameOf(n: PDFName): string {
  return n.decodeText();
}

function textOf(o: PDFObject | undefined): string | undefined {
  return o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;
}

/**
 * Every place in a PDF where active content could hide, found by pdf-lib reading every indirect
 * object, those packed in object streams included, and the trailer: each dictionary key and
 * name value of ACTIVE_CONTENT_NAMES, and each /URI that is not http(s). Stream data (page
 * text, fonts, images) is not read: only the dictionaries a viewer acts on. Throws when pdf-lib
 * cannot read the file, so an unreadable PDF is never reported clean.
 */
export async function scanPdfForActiveContent(pdf: Uint8Array): Promise<ActiveContentFinding[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, throwOnInvalidObject: true });
  const findings: ActiveContentFinding[] = [];
  const seen = new Set<PDFObject>();

  const visit = (o: PDFObject | undefined, where: string): void => {
    if (o === undefined || o instanceof PDFRef || seen.has(o)) return;
    seen.add(o);
    if (o instanceof PDFName) {
      if (ACTIVE.has(nameOf(o))) findings.push({ name: nameOf(o), where, as: 'value' });
    } else if (o instanceof PDFArray) {
      for (const item of o.asArray()) visit(item, where);
    } else if (o instanceof PDFDict || o instanceof PDFStream) {
      const dict = o instanceof PDFStream ? o.dict : o;
      for (const [key, value] of dict.entries()) {
        const k = nameOf(key);
        if (ACTIVE.has(k)) findings.push({ name: k, where, as: 'key' });
        if (k === 'URI') {
          const uri = textOf(value);
          if (uri === undefined || !/^https?:\/\//i.test(uri.trim())) {
            findings.push({ name: 'URI', where: `${where} (${uri ?? 'not a string'})`, as: 'uri' });
          }
        }
        visit(value, where);
      }
    }
  };

  // pdf-lib reads the file front to back: objects packed in object streams are unpacked into
  // the context, and objects no page refers to are enumerated too.
  for (const [ref, object] of doc.context.enumerateIndirectObjects()) visit(object, ref.toString());
  const trailer = doc.context.trailerInfo;
  for (const value of [trailer.Root, trailer.Info, trailer.Encrypt, trailer.ID]) visit(value, 'trailer');
  return findings;
}

/** The distinct names found, sorted: a short line for an assertion message. */
export function activeContentNames(findings: ActiveContentFinding[]): string[] {
  return [...new Set(findings.map((f) => f.name))].sort();
}
