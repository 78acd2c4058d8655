import type { X509Certificate } from 'node:crypto';

export interface CertificateSubject {
  commonName: string | null;
  organisation: string | null;
}

/** CN and O of a certificate's subject (Node prints the subject one "key=value" per line). */
export function certificateSubject(cert: X509Certificate): CertificateSubject {
  const fields = new Map<string, string>();
  for (const line of cert.subject.split('\n')) {
    const i = line.indexOf('=');
    if (i > 0 && !fields.has(line.slice(0, i))) fields.set(line.slice(0, i), line.slice(i + 1));
  }
  return { commonName: fields.get('CN') ?? null, organisation: fields.get('O') ?? null };
}
