import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { activeContentIn, inertPdfUpdate, type QpdfJson } from './inert-pdf-update.util';
import { PdfSanitiseError } from './pdf-sanitise.error';
import { qpdf } from './qpdf';

async function objects(file: string): Promise<QpdfJson> {
  return JSON.parse(
    await qpdf(['--json=2', '--json-key=pages', '--json-key=qpdf', '--json-stream-data=none', file]),
  ) as QpdfJson;
}

/**
 * The PDF made inert: no JavaScript, no actions that launch, send, import or open other files,
 * no /OpenAction or /AA at any level, no embedded files, forms, XFA, RichMedia or 3D; its pages,
 * text, images, fonts, internal links and http(s) links kept (see inertPdfUpdate). qpdf does
 * the reading and writing, in four runs:
 * 1. rewrite the file plain: repaired where qpdf can, decrypted, object streams unpacked (qpdf
 *    11.3 does not apply a JSON update to an object still packed in an object stream);
 * 2. its dictionaries as JSON, from which inertPdfUpdate computes the allowlisted catalog,
 *    pages and annotations;
 * 3. write the update: qpdf writes only what is still referenced, so the scripts and files
 *    left behind are not in the output at all;
 * 4. read what was written and refuse it if anything active is still reachable (a script key
 *    in a font, on the page tree's own nodes: places no allowlist covers).
 * Throws PdfSanitiseError: `unreadable` (qpdf cannot read it, or it has no pages) or
 * `active_content` (step 4).
 */
export async function sanitisePdf(pdf: Uint8Array): Promise<Buffer> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'saraban-sanitise-'));
  try {
    const [input, plain, update, output] = ['in.pdf', 'plain.pdf', 'update.json', 'out.pdf'].map((f) =>
      path.join(dir, f),
    );
    await fs.writeFile(input, pdf);
    await qpdf([input, '--decrypt', '--object-streams=disable', plain]);
    await fs.writeFile(update, JSON.stringify(inertPdfUpdate(await objects(plain))));
    // --deterministic-id: the same upload always gives the same bytes (and sha256).
    await qpdf([
      plain,
      `--update-from-json=${update}`,
      '--object-streams=generate',
      '--deterministic-id',
      output,
    ]);
    const left = activeContentIn(await objects(output));
    if (left.length > 0) throw new PdfSanitiseError('active_content', left.join(' '));
    return await fs.readFile(output);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
