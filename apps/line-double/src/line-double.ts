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

export interface LineDouble {
  port: number;
  baseUrl: string;
  calls: RecordedLineCall[];
  /** The pushes (POST /v2/bot/message/push), in order. */
  pushes: () => RecordedLineCall[];
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
 * LINE does for push, multicast and reply (200 `{sentMessages}`), including LINE's 409 for an
 * X-Line-Retry-Key it has accepted before. `GET /__calls` answers what it recorded (JSON),
 * `DELETE /__calls` forgets it. Point LINE_API_BASE_URL at it.
 */
export async function startLineDouble(o: { port?: number; host?: string } = {}): Promise<LineDouble> {
  const host = o.host ?? '127.0.0.1';
  const calls: RecordedLineCall[] = [];
  const retryKeys = new Set<string>();
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
        res
          .writeHead(409, { 'content-type': 'application/json', 'x-line-accepted-request-id': retryKey })
          .end(JSON.stringify({ message: 'The retry key is already accepted' }));
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
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
