import { PDFDocument, StandardFonts } from 'pdf-lib';
import { OIDS, children, fromDer, oidOf } from './asn1.util';
import { signPdf } from './pdf-signer';
import { createSelfSignedP12 } from './self-signed-p12.util';
import { verifySignedPdf } from './signed-pdf-verifier';
import { loadSigningIdentity } from './signing-identity';

async function samplePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('Saraban Flow', { x: 72, y: 770, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

function signatureCms(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const m = /\/ByteRange\s*\[\s*\d+\s+(\d+)\s+(\d+)/.exec(text);
  if (!m) throw new Error('no ByteRange');
  return Buffer.from(text.slice(Number(m[1]) + 1, Number(m[2]) - 1), 'hex');
}

describe('signPdf / verifySignedPdf', () => {
  const p12 = createSelfSignedP12({
    commonName: 'เทศบาลเมืองตากใบ',
    organisation: 'เทศบาลเมืองตากใบ',
    password: 'pw',
  });
  const identity = loadSigningIdentity(p12, 'pw');

  it('round-trips: signed, verified, with the SHA-256 of the signed file', async () => {
    const { pdf, sha256 } = await signPdf(await samplePdf(), identity);
    const result = verifySignedPdf(pdf);
    expect(result).toMatchObject({ valid: true, sha256, subFilter: 'ETSI.CAdES.detached' });
    expect(result.signer?.commonName).toBe('เทศบาลเมืองตากใบ');
  });

  it('signs PAdES-style: signing-certificate-v2 among the signed attributes, no signing-time', async () => {
    const { pdf } = await signPdf(await samplePdf(), identity);
    const signedData = children(children(children(fromDer(signatureCms(pdf)))[1])[0]);
    const signerInfo = children(children(signedData[signedData.length - 1])[0]);
    const attributeTypes = children(signerInfo[3]).map((a) => oidOf(children(a)[0]));
    expect(attributeTypes.sort()).toEqual(
      [OIDS.contentType, OIDS.messageDigest, OIDS.signingCertificateV2].sort(),
    );
  });

  it('detects any changed byte in the signed content', async () => {
    const { pdf } = await signPdf(await samplePdf(), identity);
    const contentsAt = pdf.indexOf('/Contents <');
    for (const at of [10, Math.floor(contentsAt / 2), pdf.length - 10]) {
      const copy = Buffer.from(pdf);
      copy[at] ^= 0x20;
      const result = verifySignedPdf(copy);
      expect(result.valid).toBe(false);
      // A signature that fails names nobody.
      expect(result.signer).toBeNull();
    }
  });

  it('refuses to sign outside the certificate validity', async () => {
    await expect(
      signPdf(await samplePdf(), identity, { signingTime: new Date('2001-01-01') }),
    ).rejects.toMatchObject({
      code: 'SIGNING_CERTIFICATE_INVALID',
    });
  });

  it('keeps the signature dictionary text ASCII (the placeholder library garbles anything else)', async () => {
    await expect(signPdf(await samplePdf(), identity, { reason: 'อนุมัติ' })).rejects.toMatchObject({
      code: 'DOCUMENT_INVALID',
    });
  });
});
