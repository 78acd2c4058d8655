import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedLineCall {
  id: number;
  receivedAt: string;
  method: string;
  path: string;
  authorization: string | null;
  retryKey: string | null;
  body: unknown;
}

/** One person's copy of a message LINE accepted: a push, or one recipient of a multicast. */
export interface ReceivedLineMessage {
  to: string;
  receivedAt: string;
  path: string;
  retryKey: string | null;
  authorization: string | null;
  messages: { type: string; text?: string }[];
}

/** A fault the double plays on the next matching requests (tests of retries). */
export interface LineFault {
  /** The API path it applies to, e.g. '/v2/bot/message/multicast'. */
  path: string;
  /** How many requests it applies to. */
  times: number;
  /**
   * 'refuse': answered `status` and not delivered. 'lose-answer': delivered and its retry key
   * remembered, but answered `status` as if the answer were lost on the way.
   */
  mode: 'refuse' | 'lose-answer';
  status?: number;
}

export interface LineDouble {
  port: number;
  baseUrl: string;
  /** Every request LINE accepted (not those refused by a fault or as a repeated retry key). */
  calls: RecordedLineCall[];
  /** The pushes (POST /v2/bot/message/push), in order. */
  pushes: () => RecordedLineCall[];
  /** The multicasts (POST /v2/bot/message/multicast), in order. */
  multicasts: () => RecordedLineCall[];
  /** Every person's copy of every accepted push and multicast, in order. */
  received: () => ReceivedLineMessage[];
  /** Requests answered 409 because their X-Line-Retry-Key had been accepted before. */
  repeatedRetryKeys: () => number;
  /** Plays a fault on the next matching requests. */
  fault: (f: LineFault) => void;
  close: () => Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * A local stand-in for the LINE Messaging API (api.line.me): records every call and answers as
 * LINE does for push, multicast (up to 500 user ids, 400 above) and reply (200 `{sentMessages}`),
 * including LINE's 409 for an X-Line-Retry-Key it has accepted before. Tests can make it refuse
 * requests or lose its answers (`fault`). `GET /__calls` answers what it recorded (JSON),
 * `DELETE /__calls` forgets it. Point LINE_API_BASE_URL at it.
 */
export async function startLineDouble(o: { port?: number; host?: string } = {}): Promise<LineDouble> {
  const host = o.host ?? '127.0.0.1';
  const calls: RecordedLineCall[] = [];
  const retryKeys = new Set<string>();
  const faults: LineFault[] = [];
  let repeated = 0;
  let next = 1;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (path === '/__calls') {
        if (req.method === 'DELETE') {
          calls.length = 0;
          res.writeHead(204).end();
        } else {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(calls));
        }
        return;
      }
      const raw = await readBody(req);
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        /* recorded as text */
      }
      const retryKey = (req.headers['x-line-retry-key'] as string | undefined) ?? null;
      if (retryKey && retryKeys.has(retryKey)) {
        repeated++;
        res
          .writeHead(409, { 'content-type': 'application/json', 'x-line-accepted-request-id': retryKey })
          .end(JSON.stringify({ message: 'The retry key is already accepted' }));
        return;
      }
      const to = (body as { to?: unknown } | null)?.to;
      if (
        path === '/v2/bot/message/multicast' &&
        (!Array.isArray(to) || to.length === 0 || to.length > 500)
      ) {
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ message: 'The request body has 1 error(s)', details: [{ property: 'to' }] }));
        return;
      }
      const fault = faults.find((f) => f.path === path && f.times > 0);
      if (fault) fault.times--;
      if (fault?.mode === 'refuse') {
        res
          .writeHead(fault.status ?? 500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ message: 'An error occurred in the double (fault played)' }));
        return;
      }
      if (retryKey) retryKeys.add(retryKey);
      calls.push({
        id: next++,
        receivedAt: new Date().toISOString(),
        method: req.method ?? '',
        path,
        authorization: req.headers.authorization ?? null,
        retryKey,
        body,
      });
      if (fault?.mode === 'lose-answer') {
        res.writeHead(fault.status ?? 502).end();
        return;
      }
      const messages = (body as { messages?: unknown[] } | null)?.messages ?? [];
      res
        .writeHead(200, { 'content-type': 'application/json', 'x-line-request-id': String(next) })
        .end(
          JSON.stringify({ sentMessages: messages.map((_, i) => ({ id: `${next}${i}`, quoteToken: 'q' })) }),
        );
    })().catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(o.port ?? 0, host, () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    baseUrl: `http://${host}:${port}`,
    calls,
    pushes: () => calls.filter((c) => c.path === '/v2/bot/message/push'),
    multicasts: () => calls.filter((c) => c.path === '/v2/bot/message/multicast'),
    received: () =>
      calls.flatMap((c) => {
        if (c.path !== '/v2/bot/message/push' && c.path !== '/v2/bot/message/multicast') return [];
        const b = c.body as { to?: string | string[]; messages?: { type: string; text?: string }[] } | null;
        const to = Array.isArray(b?.to) ? b.to : typeof b?.to === 'string' ? [b.to] : [];
        return to.map((t) => ({
          to: t,
          receivedAt: c.receivedAt,
          path: c.path,
          retryKey: c.retryKey,
          authorization: c.authorization,
          messages: b?.messages ?? [],
        }));
      }),
    repeatedRetryKeys: () => repeated,
    fault: (f) => void faults.push({ ...f }),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
