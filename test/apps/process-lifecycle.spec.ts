import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { AppProcess, buildApps, freePort, removeBuild, waitForReady } from '../utils/processes';
import { createTestDatabase } from '../utils/test-database';
import { waitFor } from '../utils/wait-for';

describe('the compiled apps as processes', () => {
  let out: string;
  let database: { url: string; drop: () => Promise<void> };
  beforeAll(async () => {
    out = buildApps();
    database = await createTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await database.drop();
    removeBuild(out);
  });

  it('the worker boots on PostgreSQL and Redis with no work, logs JSON, and shuts down cleanly on SIGTERM', async () => {
    const worker = new AppProcess(path.join(out, 'apps/worker/src/main.js'), {
      DATABASE_URL: database.url,
      QUEUE_PREFIX: 'lifecycle',
    });
    worker.start({ capture: true });
    await waitFor(() => worker.output.includes('worker ready'), 'worker ready', { timeoutMs: 60_000 });
    const lines = worker.output
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(JSON.parse(line)).toMatchObject({ service: 'saraban-worker', pid: worker.pid });
    }
    worker.child!.kill('SIGTERM');
    expect(await worker.exited()).toBe(0);
    expect(worker.output).toContain('"msg":"closed"');
  });

  it('a malformed setting stops the API at boot with a message naming it', async () => {
    const api = new AppProcess(path.join(out, 'apps/api/src/main.js'), {
      DATABASE_URL: database.url,
      PORT: 'eighty',
      REDIS_URL: 'http://not-redis',
    });
    api.start({ capture: true });
    expect(await api.exited()).toBe(1);
    expect(api.output).toMatch(/PORT:/);
    expect(api.output).toMatch(/REDIS_URL:/);
  });

  it('the API runs one process per core, replaces one that dies, serves health and shuts down cleanly', async () => {
    const port = await freePort();
    const api = new AppProcess(path.join(out, 'apps/api/src/main.js'), {
      DATABASE_URL: database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      API_PROCESSES: '2',
    });
    const base = `http://127.0.0.1:${port}`;
    api.start({ capture: true });
    expect(await waitForReady(base)).toBe(true);
    await waitFor(() => api.children(/node/).length === 2, 'two API processes', { timeoutMs: 60_000 });
    const [first, second] = api.children(/node/);
    // The primary (no Nest application) logs JSON lines as its processes do.
    await waitFor(() => api.output.includes('2 API processes'), 'the primary’s line', { timeoutMs: 60_000 });
    const primaryLine = api.output.split('\n').find((l) => l.includes('2 API processes'));
    expect(JSON.parse(primaryLine!)).toMatchObject({
      level: 'info',
      service: 'saraban-api',
      pid: api.pid,
      context: 'ApiProcesses',
      msg: '2 API processes',
    });

    process.kill(first, 'SIGKILL');
    await waitFor(
      () => {
        const now = api.children(/node/);
        return now.length === 2 && !now.includes(first);
      },
      'a replacement',
      { timeoutMs: 60_000 },
    );
    expect(api.children(/node/)).toContain(second);
    expect(await waitForReady(base)).toBe(true);

    const processes = api.children(/node/);
    api.child!.kill('SIGTERM');
    expect(await api.exited()).toBe(0);
    for (const pid of processes) expect(() => process.kill(pid, 0)).toThrow();
  });

  it('the worker and its Chromium close themselves when their launcher is SIGKILLed (the IPC channel closes)', async () => {
    // A launcher as the harness launches apps (an IPC channel), which then dies without stopping it.
    const launcher = spawn(
      process.execPath,
      [
        '-e',
        `const c = require('node:child_process').spawn(process.execPath, [process.argv[1]], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
         c.channel.unref();
         console.log(c.pid);
         setInterval(() => {}, 1000);`,
        path.join(out, 'apps/worker/src/main.js'),
      ],
      {
        env: {
          ...process.env,
          DATABASE_URL: database.url,
          QUEUE_PREFIX: 'launcher',
          WORKER_HEALTH_PORT: '0',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let printed = '';
    launcher.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const worker = Number(await waitFor(() => /^\d+\n/.exec(printed)?.[0], 'the worker’s pid'));
    const browsers = await waitFor(
      () => {
        const found = childrenOf(worker).filter((c) => /chrom/i.test(c.comm));
        return found.length > 0 ? found.map((c) => c.pid) : null;
      },
      'the worker’s Chromium',
      { timeoutMs: 60_000 },
    );

    launcher.kill('SIGKILL');
    await waitFor(() => ![worker, ...browsers].some(alive), 'the worker and its Chromium to end', {
      timeoutMs: 40_000,
    });
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function childrenOf(parent: number): { pid: number; comm: string }[] {
  return execFileSync('ps', ['-eo', 'pid,ppid,comm'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .filter(([, ppid]) => Number(ppid) === parent)
    .map(([pid, , comm]) => ({ pid: Number(pid), comm }));
}
