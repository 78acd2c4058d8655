import { AppException, ErrorCode } from '@saraban/errors';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
export const IMAGE_MAX_BYTES = 512 * 1024;

/** Emblems and signatures are PNG: checked by content (magic and IHDR), never by name or declared type. */
export function assertPng(bytes: Buffer | undefined): Buffer {
  if (!bytes || bytes.length === 0) {
    throw new AppException(ErrorCode.ValidationFailed, [{ field: 'file', problems: ['กรุณาเลือกไฟล์ภาพ PNG'] }]);
  }
  if (bytes.length > IMAGE_MAX_BYTES) {
    throw new AppException(ErrorCode.PayloadTooLarge, { maxBytes: IMAGE_MAX_BYTES }, 'ไฟล์ภาพต้องไม่เกิน 512 KB');
  }
  const isPng =
    bytes.length > 24 &&
    bytes.subarray(0, 8).equals(PNG_MAGIC) &&
    bytes.toString('latin1', 12, 16) === 'IHDR';
  if (!isPng) throw new AppException(ErrorCode.UnsupportedMediaType, undefined, 'รองรับเฉพาะไฟล์ภาพ PNG');
  return bytes;
}
