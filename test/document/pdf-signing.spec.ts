import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PdfRenderer } from '@saraban/document-render';
import { createSelfSignedP12, loadSigningIdentity, signPdf, verifySignedPdf } from '@saraban/signing';
import type { SigningIdentity } from '@saraban/signing';
import { seedMemo } from './memo-fixtures';
import { pdfSig, pdfText, squash } from './poppler';

// The signed memo, checked by an independent verifier (poppler's pdfsig) and by ours.

const run = promisify(execFile);

/** Flips one byte inside the first signed range (the document's own content). */
function tamper(pdf: Buffer): Buffer {
  const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)/.exec(pdf.toString('latin1'));
  if (!m) throw new Error('no ByteRange');
  const copy = Buffer.from(pdf);
  const at = Math.floor(Number(m[2]) / 2);
  copy[at] ^= 0x01;
  return copy;
}

describe('PAdES signing of the rendered memo', () => {
  let renderer: PdfRenderer;
  let identity: SigningIdentity;
  let signed: Buffer;
  let sha256: string;
  const signingTime = new Date();

  beforeAll(async () => {
    renderer = await PdfRenderer.create({ poolSize: 1 });
    const p12 = createSelfSignedP12({
      commonName: 'องค์การบริหารส่วนตำบลคำพี่',
      organisation: 'องค์การบริหารส่วนตำบลคำพี่',
      password: 'demo-secret',
    });
    identity = loadSigningIdentity(p12, 'demo-secret');
    ({ pdf: signed, sha256 } = await signPdf(await renderer.render(seedMemo()), identity, { signingTime }));
  });

  afterAll(async () => {
    await renderer.close();
  });

  it('verifies with pdfsig: ETSI.CAdES.detached over the whole document', async () => {
    const report = await pdfSig(signed);
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Total document signed');
    expect(report).toContain('Signer Certificate Common Name: องค์การบริหารส่วนตำบลคำพี่');
    // Self-signed, so not trusted: that is about the certificate, not the signature.
    expect(report).toMatch(
      /Certificate Validation: (Certificate issuer is unknown|Certificate isn't Trusted)/,
    );
    expect(report).not.toMatch(/Syntax Error/);
  });

  it('verifies with verifySignedPdf, which reports the signer, the time and the hash', () => {
    const result = verifySignedPdf(signed);
    expect(result).toMatchObject({
      valid: true,
      problems: [],
      subFilter: 'ETSI.CAdES.detached',
      sha256,
      signer: {
        commonName: 'องค์การบริหารส่วนตำบลคำพี่',
        organisation: 'องค์การบริหารส่วนตำบลคำพี่',
        certificateSha256: identity.certificate.fingerprint256,
      },
    });
    // /M has whole seconds.
    expect(Math.abs((result.signedAt?.getTime() ?? 0) - signingTime.getTime())).toBeLessThan(1000);
  });

  it('keeps the document readable: the text is unchanged by signing', async () => {
    expect(squash(await pdfText(signed))).toContain(squash('(นางสาวอมรรัตน์ วงศ์อุตติ)'));
  });

  it('fails both verifiers when one byte of the signed content changes', async () => {
    const changed = tamper(signed);
    const report = await pdfSig(changed);
    expect(report).not.toContain('Signature Validation: Signature is Valid.');
    expect(report).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
    const result = verifySignedPdf(changed);
    expect(result.valid).toBe(false);
    expect(result.problems).toContain('the document does not match the signature (message digest differs)');
    expect(result.sha256).not.toBe(sha256);
  });

  it('fails verifySignedPdf when bytes are appended after the signature', () => {
    const result = verifySignedPdf(Buffer.concat([signed, Buffer.from('\n% appended\n')]));
    expect(result.valid).toBe(false);
    expect(result.problems[0]).toMatch(/changed after it was signed/);
  });

  it('says an unsigned PDF has no signature', async () => {
    const result = verifySignedPdf(await renderer.render(seedMemo()));
    expect(result).toMatchObject({ valid: false, problems: ['the PDF has no signature'], signer: null });
  });

  it('refuses a PKCS#12 with the wrong password', () => {
    const p12 = createSelfSignedP12({ commonName: 'x', organisation: 'x', password: 'right' });
    expect(() => loadSigningIdentity(p12, 'wrong')).toThrow(
      expect.objectContaining({ code: 'SIGNING_CERTIFICATE_INVALID' }),
    );
  });

  it('signs with an EC key from a PKCS#12 made by OpenSSL, and the certificate opens in OpenSSL', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'saraban-p12-'));
    try {
      const key = path.join(dir, 'key.pem');
      const cert = path.join(dir, 'cert.pem');
      const p12File = path.join(dir, 'ec.p12');
      await run('openssl', [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '30',
        '-subj',
        '/C=TH/O=Takbai/CN=Takbai Municipality',
      ]);
      await run('openssl', [
        'pkcs12',
        '-export',
        '-inkey',
        key,
        '-in',
        cert,
        '-out',
        p12File,
        '-passout',
        'pass:ec-pass',
      ]);
      const ec = loadSigningIdentity(await fs.readFile(p12File), 'ec-pass');
      expect(ec.privateKey.asymmetricKeyType).toBe('ec');
      const { pdf } = await signPdf(await renderer.render(seedMemo()), ec);
      expect(await pdfSig(pdf)).toContain('Signature Validation: Signature is Valid.');
      expect(verifySignedPdf(pdf)).toMatchObject({
        valid: true,
        signer: { commonName: 'Takbai Municipality' },
      });

      // Our own demo PKCS#12 is readable by OpenSSL 3 without its legacy provider.
      const demo = path.join(dir, 'demo.p12');
      await fs.writeFile(
        demo,
        createSelfSignedP12({ commonName: 'เทศบาล', organisation: 'เทศบาล', password: 'p' }),
      );
      const { stdout } = await run('openssl', [
        'pkcs12',
        '-in',
        demo,
        '-passin',
        'pass:p',
        '-nokeys',
        '-clcerts',
      ]);
      expect(stdout).toContain('BEGIN CERTIFICATE');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
