import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

/**
 * Derives a sealing key from the configured secret (once per process); each kind of secret
 * (certificates, LINE channels, webhook secrets) has its own key through its purpose.
 */
export function sealingKey(secret: string, purpose = 'organisation-certificates'): Buffer {
  return scryptSync(secret, `saraban-flow/${purpose}`, 32);
}

/** AES-256-GCM: confidentiality and tamper detection for secrets at rest. */
export function seal(key: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function unseal(key: Buffer, sealed: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
}
