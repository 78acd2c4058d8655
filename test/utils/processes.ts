import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.join(__dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/**
 * Compiles the apps as `npm run build` does, into a fresh folder under var/ (ignored by git,
 * inside the repository so that node_modules resolves), and answers that folder.
 */
export function buildApps(): string {
  mkdirSync(path.join(ROOT, 'var'), { recursive: true });
  const out = mkdtempSync(path.join(ROOT, 'var', 'build-'));
  execFileSync(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json', '--outDir', out], {
    cwd: ROOT,
  });
  execFileSync(
    path.join(ROOT, 'node_modules/.bin/tsc-alias'),
    ['-p', 'tsconfig.build.json', '--outDir', out],
    {
      cwd: ROOT,
    },
  );
  return out;
}

/** Removes a build made by `buildApps` (call it in afterAll / finally). */
export function removeBuild(out: string): void {
  rmSync(out, { recursive: true, force: true });
}

/** Waits until the API at `base` answers /health/ready (PostgreSQL and Redis reachable). */
export async function waitForReady(base: string, timeoutMs = 60_000): Promise<boolean> {
  const ready = () =>
    fetch(`${base}/health/ready`)
      .then((r) => r.ok)
      .catch(() => false);
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline;) {
    if (await ready()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return ready();
}

/** A compiled app (api or worker) as its own process, so that it can be killed or measured. */
export class AppProcess {
  child?: ChildProcess;
  /** Everything the process wrote, when started with `capture`. */
  output = '';

  constructor(
    private readonly entry: string,
    private readonly env: Record<string, string>,
    /** Node's own flags, e.g. ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] (not allowed in NODE_OPTIONS). */
    private readonly nodeArgs: string[] = [],
  ) {}

  start(options: { capture?: boolean } = {}): void {
    // A second start would orphan the first process (and its connections, which keep a test
    // database from being dropped).
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) {
      throw new Error(`${path.basename(this.entry)} is already running (pid ${this.child.pid})`);
    }
    const log = process.env.SARABAN_TEST_WORKER_LOG ? 'inherit' : 'ignore';
    this.child = spawn(process.execPath, [...this.nodeArgs, this.entry], {
      cwd: ROOT,
      // A worker's health port: any free one unless the test names it (several workers at once).
      env: { ...process.env, WORKER_HEALTH_PORT: '0', ...this.env, LOG_FORMAT: 'json' },
      // The IPC channel: should this process die without stopping it (a crash, SIGKILL), the
      // channel closes and the app closes itself (closeWithLauncher) instead of running on.
      stdio: ['ignore', options.capture ? 'pipe' : 'ignore', options.capture ? 'pipe' : log, 'ipc'],
    });
    // The channel alone does not keep this process alive.
    this.child.channel?.unref();
    const keep = (chunk: Buffer) => (this.output += chunk.toString('utf8'));
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
  }

  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited(): Promise<number | string> {
    const child = this.child;
    if (!child) return Promise.reject(new Error('not started'));
    if (child.exitCode !== null) return Promise.resolve(child.exitCode);
    if (child.signalCode !== null) return Promise.resolve(child.signalCode);
    return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    // Even a SIGKILLed worker leaves no Chromium behind (it is driven over a pipe that closes
    // with its owner): checked here, after every stop of every test.
    const browsers = this.children(/chrom/i);
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    for (const deadline = Date.now() + 10_000; browsers.some(alive) && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const orphans = browsers.filter(alive);
    for (const pid of orphans) process.kill(pid, 'SIGKILL');
    if (orphans.length > 0) {
      throw new Error(`Chromium ${orphans.join(', ')} outlived ${path.basename(this.entry)} (${signal})`);
    }
  }

  /** The process's direct children whose command matches (Chromium under the worker). */
  children(pattern: RegExp): number[] {
    const out = execFileSync('ps', ['-eo', 'pid,ppid,comm'], { encoding: 'utf8' });
    return out
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(/\s+/))
      .filter(([, ppid, comm]) => Number(ppid) === this.child?.pid && pattern.test(comm))
      .map(([pid]) => Number(pid));
  }
}
