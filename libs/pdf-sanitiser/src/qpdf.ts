import { execFile } from 'node:child_process';
import { PdfSanitiseError } from './pdf-sanitise.error';

/** Longer than qpdf takes on any attachment the upload limit lets in; a hung run is killed. */
const QPDF_TIMEOUT_MS = 30_000;
/** qpdf's JSON of a large PDF's dictionaries (stream data is left out). */
const QPDF_MAX_OUTPUT = 256 * 1024 * 1024;

/**
 * Runs Debian's qpdf (11.x). Warnings (a damaged file qpdf repaired) are not errors; a file qpdf
 * cannot read, or a run that times out, is PdfSanitiseError `unreadable`. A missing qpdf is a
 * broken installation, not a bad file: that error is thrown as it is.
 */
export function qpdf(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'qpdf',
      ['--warning-exit-0', ...args],
      { timeout: QPDF_TIMEOUT_MS, maxBuffer: QPDF_MAX_OUTPUT, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return reject(
            new Error('qpdf is not installed (Debian package qpdf, see scripts/lib/ensure-system.sh)'),
          );
        }
        const why = error.killed ? `timed out after ${QPDF_TIMEOUT_MS} ms` : stderr.trim().split('\n').pop();
        reject(new PdfSanitiseError('unreadable', why || error.message));
      },
    );
  });
}
