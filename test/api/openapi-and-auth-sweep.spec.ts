import request from 'supertest';
import { createTestApp, type TestApp } from '../utils/test-app';

interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
}
type Paths = Record<string, Record<string, Operation>>;

/** Routes anyone may call; everything else must answer 401 without a session. */
const PUBLIC = [
  /^GET \/health\//,
  /^POST \/auth\/login$/,
  /^GET \/organisations\/\{code\}$/,
  /^(GET|POST) \/public\//,
  /^GET \/p\//,
  /^GET \/verify/,
  /^POST \/verify/,
  /^GET \/$/,
  /^GET \/(login|app|assets)/,
];

describe('every endpoint', () => {
  let t: TestApp;
  let paths: Paths;
  let spec: { info: { description: string }; components: { securitySchemes: Record<string, unknown> } };
  beforeAll(async () => {
    t = await createTestApp();
    spec = (await request(t.app.getHttpServer()).get('/api/docs-json').expect(200)).body as typeof spec;
    paths = (spec as unknown as { paths: Paths }).paths;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        key: `${method.toUpperCase()} ${path}`,
        path,
        method,
        op,
      })),
    );

  it('is described in OpenAPI with a summary and a tag', () => {
    const undocumented = operations()
      .filter(({ op }) => !op.summary || !op.tags?.length)
      .map(({ key }) => key);
    expect(operations().length).toBeGreaterThan(5);
    expect(undocumented).toEqual([]);
  });

  it('tells API clients that cookie calls need X-CSRF-Token (bearer calls do not) and what a throttled sign-in answers', () => {
    const { description } = spec.info;
    for (const text of [
      'X-CSRF-Token',
      'csrf-token',
      'CSRF_REJECTED',
      'SIGN_IN_THROTTLED',
      'ACCOUNT_LOCKED',
      'Retry-After',
    ])
      expect(description).toContain(text);
    expect(spec.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer', description: expect.stringContaining('No CSRF') },
      cookie: {
        type: 'apiKey',
        in: 'cookie',
        name: 'saraban_session',
        description: expect.stringContaining('X-CSRF-Token'),
      },
    });
  });

  it('needs a session unless it is public (401 with a Thai message)', async () => {
    const open: string[] = [];
    for (const { key, path, method } of operations()) {
      if (PUBLIC.some((re) => re.test(key))) continue;
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await request(t.app.getHttpServer())[method as 'get'](url);
      if (res.status !== 401 || res.body.code !== 'UNAUTHENTICATED') open.push(`${key} → ${res.status}`);
    }
    expect(open).toEqual([]);
  });
});
