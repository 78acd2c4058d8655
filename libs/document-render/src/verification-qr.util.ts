import QRCode from 'qrcode';

/** The verification link as a QR code, an SVG data URL: vector, so it prints sharp at any size. */
export async function verificationQrDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
