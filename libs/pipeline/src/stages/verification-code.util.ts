import { randomBytes } from 'node:crypto';

/** Short, unambiguous, case-insensitive: it is typed by hand from paper (no 0/O, 1/I/L). */
export function verificationCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}
