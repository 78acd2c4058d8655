import http from 'node:http';

/**
 * A lean HTTP/1.1 client for load generation: node:http over kept-alive sockets. The global
 * fetch (undici) costs the load generator several times more CPU per request, and on a 2-core
 * machine the generator's CPU is taken from the server it measures.
 */
export class BenchHttpClient {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(base: string, sockets = 64) {
    this.url = new URL(base);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  /** Sends a JSON request; answers the status and the body as text. */
  async request(
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
  ): Promise<{ status: number; text: string }> {
    try {
      return await this.send(method, path, token, body);
    } catch (error) {
      // A kept-alive socket the server closed as idle just as this request was written to it
      // (its keepAliveTimeout): the request never reached the server, so it is sent again
      // once on a fresh socket, as Node's documentation advises (`request.reusedSocket`).
      if (!(error instanceof StaleSocketError)) throw error;
      return this.send(method, path, token, body);
    }
  }

  private send(
    method: string,
    path: string,
    token: string | null,
    body?: unknown,
  ): Promise<{ status: number; text: string }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent: this.agent,
          host: this.url.hostname,
          port: this.url.port,
          method,
          path,
          headers: {
            ...(payload === undefined
              ? {}
              : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', (error: NodeJS.ErrnoException) =>
        reject(req.reusedSocket && error.code === 'ECONNRESET' ? new StaleSocketError(error) : error),
      );
      req.end(payload);
    });
  }

  /** Sends a JSON request and answers the parsed JSON body; any status from 300 up throws. */
  async json<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
    const res = await this.request(method, path, token, body);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${res.text}`);
    return JSON.parse(res.text) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

/** ECONNRESET on a kept-alive socket reused for this request, before any answer. */
class StaleSocketError extends Error {
  constructor(cause: Error) {
    super(cause.message, { cause });
  }
}
