import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';

/** A request's answer, read whole. */
export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The body as JSON, or null when it is not JSON. */
  json: { statusCode?: number; code?: string; message?: string; [key: string]: unknown } | null;
}

/**
 * HTTP to a listening app as a browser sends it, from a chosen loopback address (127.0.0.x): tests
 * of per-address limits come from addresses of their own, as different people's machines would.
 */
export function httpFrom(app: INestApplication, localAddress = '127.0.0.1') {
  const { port } = app.getHttpServer().address() as AddressInfo;
  return (
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: string | Buffer } = {},
  ): Promise<HttpAnswer> =>
    new Promise((resolve, reject) => {
      const req = http.request(
        { host: '127.0.0.1', port, method, path, localAddress, headers: options.headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json: HttpAnswer['json'];
            try {
              json = JSON.parse(text) as HttpAnswer['json'];
            } catch {
              json = null;
            }
            resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(options.body);
    });
}

/** The cookies a browser keeps for one site: what each Set-Cookie says, sent back as one Cookie header. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Keeps the cookies an answer sets (a cleared cookie is dropped). */
  store(headers: http.IncomingHttpHeaders | Record<string, unknown>): void {
    const raw = headers['set-cookie'];
    const lines = Array.isArray(raw) ? (raw as string[]) : typeof raw === 'string' ? [raw] : [];
    for (const line of lines) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => {
        const [k, v] = a.trim().split('=');
        return k.toLowerCase() === 'expires' && new Date(v).getTime() <= Date.now();
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  /** The Cookie header, or undefined when the jar is empty. */
  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** The CSRF token a page carries for its forms and its script (`<meta name="csrf-token">`). */
export function csrfTokenOf(html: string): string | undefined {
  return /<meta name="csrf-token" content="([^"]*)"/.exec(html)?.[1];
}

/** Form fields urlencoded as a browser posts them. */
export function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** The sign-in fields of the API and of the sign-in page. */
export interface SignInFields {
  organisation: string;
  username: string;
  password: string;
}

/** POST /auth/login as an API client signs in (JSON), with any further headers. */
export function apiSignIn(
  http: ReturnType<typeof httpFrom>,
  fields: SignInFields,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return http('POST', '/auth/login', {
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({
      organisation: fields.organisation,
      username: fields.username,
      password: fields.password,
    }),
  });
}

/** POST /app/login as the sign-in page's form does, with its token when there is one, and further headers. */
export function formSignIn(
  http: ReturnType<typeof httpFrom>,
  fields: SignInFields,
  token: string | undefined,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return http('POST', '/app/login', {
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: formBody({
      organisation: fields.organisation,
      username: fields.username,
      password: fields.password,
      ...(token ? { _csrf: token } : {}),
    }),
  });
}
