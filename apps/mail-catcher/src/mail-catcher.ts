import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: number;
  receivedAt: string;
  messageId: string | null;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** A mail as received, unparsed (`parse: false`): its envelope and its bytes. */
export interface RawMail {
  receivedAt: string;
  to: string[];
  raw: Buffer;
}

export interface MailCatcher {
  smtpPort: number;
  httpPort: number;
  /** Every mail received, parsed (empty with `parse: false`). */
  mails: CaughtMail[];
  /** With `parse: false`: every mail received, as bytes; `parseMail` reads one. */
  rawMails: RawMail[];
  /** Refuses the next `times` mails to this address with a temporary error (451), as a busy server does (tests of retries). */
  refuseRecipient: (address: string, times: number) => void;
  close: () => Promise<void>;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Reads a mail kept unparsed (`parse: false`). */
export async function parseMail(mail: RawMail): Promise<{ subject: string; text: string; html: string }> {
  const parsed = await simpleParser(mail.raw);
  return {
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
  };
}

/**
 * A local SMTP server that keeps every mail it receives (parsed by mailparser) and shows them
 * over HTTP: `/` a Thai list to read in a browser, `/mails` JSON (tests), `/mails/:id` one mail's
 * HTML, `DELETE /mails` empties it. Development and tests only: no authentication, no TLS.
 */
export async function startMailCatcher(
  o: {
    smtpPort?: number;
    httpPort?: number;
    host?: string;
    /**
     * false: keep each mail's envelope and bytes without parsing it (a benchmark: the catcher
     * stands in for a remote SMTP server, whose parsing is not the sender's work); read one
     * afterwards with `parseMail`. Default true.
     */
    parse?: boolean;
  } = {},
): Promise<MailCatcher> {
  const host = o.host ?? '127.0.0.1';
  const mails: CaughtMail[] = [];
  const rawMails: RawMail[] = [];
  const refusals = new Map<string, number>();
  let next = 1;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 5 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const left = refusals.get(address.address.toLowerCase()) ?? 0;
      if (left <= 0) return callback();
      refusals.set(address.address.toLowerCase(), left - 1);
      const error = Object.assign(new Error('Mailbox busy, try again later'), { responseCode: 451 });
      callback(error);
    },
    onData(stream, session, callback) {
      if (o.parse === false) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          rawMails.push({
            receivedAt: new Date().toISOString(),
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          });
          callback();
        });
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            id: next++,
            receivedAt: new Date().toISOString(),
            messageId: parsed.messageId ?? null,
            from: parsed.from?.text ?? '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(o.smtpPort ?? 1025, host, () => resolve());
  });
  const http: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'DELETE' && url.pathname === '/mails') {
      mails.length = 0;
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/mails') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(mails));
      return;
    }
    const one = /^\/mails\/(\d+)$/.exec(url.pathname);
    if (one) {
      const mail = mails.find((m) => m.id === Number(one[1]));
      if (!mail) res.writeHead(404).end();
      else
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(mail.html || `<pre>${escape(mail.text)}</pre>`);
      return;
    }
    const rows = [...mails]
      .reverse()
      .map(
        (m) =>
          `<tr><td>${escape(m.receivedAt)}</td><td>${escape(m.to.join(', '))}</td><td><a href="/mails/${m.id}">${escape(m.subject)}</a></td></tr>`,
      )
      .join('');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><html lang="th"><meta charset="utf-8"><title>กล่องจดหมายทดสอบ</title>` +
          `<h1>กล่องจดหมายทดสอบ (${mails.length} ฉบับ)</h1><table border="1" cellpadding="4">` +
          `<tr><th>เวลา</th><th>ถึง</th><th>เรื่อง</th></tr>${rows}</table></html>`,
      );
  });
  await new Promise<void>((resolve) => http.listen(o.httpPort ?? 1080, host, () => resolve()));
  const smtpAddress = (smtp as unknown as { server: Server }).server.address() as AddressInfo;
  return {
    smtpPort: smtpAddress.port,
    httpPort: (http.address() as AddressInfo).port,
    mails,
    rawMails,
    refuseRecipient: (address, times) => void refusals.set(address.toLowerCase(), times),
    close: async () => {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
