/**
 * Why a PDF could not be made inert: qpdf could not read it (`unreadable`), or something active
 * is still reachable after the allowlist (`active_content`, e.g. a script key inside a font).
 */
export class PdfSanitiseError extends Error {
  constructor(
    readonly reason: 'unreadable' | 'active_content',
    detail: string,
  ) {
    super(`PDF not sanitised (${reason}): ${detail}`);
    this.name = 'PdfSanitiseError';
  }
}
