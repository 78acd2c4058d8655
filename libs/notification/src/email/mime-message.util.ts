import { randomBytes } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import { encodeWords } from 'nodemailer/lib/mime-funcs';

export interface MimeMessageInput {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Without angle brackets. */
  messageId: string;
  date: Date;
}

/** Base64 in lines of 76 characters (RFC 2045). */
function base64Lines(s: string): string {
  const b = Buffer.from(s, 'utf8').toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b.length; i += 76) lines.push(b.slice(i, i + 76));
  return lines.join('\r\n');
}

/** A header value never breaks its line (no header injection from a subject). */
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

/** A bare address (no display name, no list): written as it is. */
const BARE_ADDRESS = /^[^\s<>",;:@]+@[^\s<>",;:@]+$/;
/** Formatted headers of the few named addresses a deployment sends from (MAIL_FROM). */
const formatted = new Map<string, string>();

/** An address header value: the display name as encoded words when not ASCII (RFC 2047), the address as is. */
function addressHeader(value: string): string {
  if (BARE_ADDRESS.test(value)) return value;
  value = oneLine(value);
  let header = formatted.get(value);
  if (header === undefined) {
    header = formatAddresses(value);
    if (formatted.size < 100) formatted.set(value, header);
  }
  return header;
}

function formatAddresses(value: string): string {
  return addressparser(value, { flatten: true })
    .map((a) => {
      if (!a.name) return `<${a.address}>`;
      const name = /^[\x20-\x7e]*$/.test(a.name)
        ? `"${a.name.replace(/["\\]/g, '\\$&')}"`
        : encodeWords(a.name, 'B', 52);
      return `${name} <${a.address}>`;
    })
    .join(', ');
}

/**
 * Boundaries only need to differ from every line of the message: the parts are base64 (no "_"
 * in its alphabet) and headers never start with "--". A random prefix per process and a counter
 * (a random draw per message costs a system call here).
 */
const boundaryPrefix = `=_saraban_${randomBytes(8).toString('hex')}_`;
let boundaryCount = 0;

/**
 * One notification email as the bytes of its message (multipart/alternative, plain text and
 * HTML, UTF-8, base64), built at once: nodemailer's streaming composer costs more CPU per
 * message than the SMTP exchange itself, and a fan-out sends thousands (sent over SmtpPool).
 */
export function buildMimeMessage(m: MimeMessageInput): Buffer {
  const boundary = `${boundaryPrefix}${(boundaryCount = (boundaryCount + 1) % Number.MAX_SAFE_INTEGER)}`;
  const headers = [
    `From: ${addressHeader(m.from)}`,
    `To: ${addressHeader(m.to)}`,
    `Subject: ${encodeWords(oneLine(m.subject), 'B', 52)}`,
    `Message-ID: <${oneLine(m.messageId)}>`,
    `Date: ${m.date.toUTCString().replace(/GMT$/, '+0000')}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const part = (type: string, body: string) =>
    `--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(body)}\r\n`;
  return Buffer.from(
    `${headers.join('\r\n')}\r\n\r\n${part('text/plain', m.text)}${part('text/html', m.html)}--${boundary}--\r\n`,
    'utf8',
  );
}
