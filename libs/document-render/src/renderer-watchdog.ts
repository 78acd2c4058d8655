/** What the watchdog needs of the renderer it guards. */
export interface WatchedRenderer {
  /** Whether a document was printed within the last `ms` (then nothing needs probing). */
  printedWithin(ms: number): boolean;
  /** A full check: the browser answers and a tab prints a tiny document, within bounds. */
  probe(): Promise<void>;
  /** Throws the browser away (every tab with it); the next render launches a new one. */
  replaceBrowser(reason: string): void;
}

export interface RendererHealth {
  /** The renderer prints: the last probe or render succeeded, and none failed since. */
  up: boolean;
  /** Why it is not up (English, for operators), or null. */
  reason: string | null;
  lastOkAt: Date | null;
  lastProbeAt: Date | null;
  /** Browsers thrown away because they stopped answering. */
  browserReplacements: number;
}

/**
 * Probes the renderer every `intervalMs` unless it printed something in that time, and at once
 * after a render that timed out or lost its tab. A probe that fails is repeated at once; two
 * failures in a row replace the browser (one slow answer on an overloaded machine is not a hung
 * browser, and replacing it would cost the renders in flight). The health it keeps is what
 * readiness reports: down from the second failed probe until the next success.
 */
export class RendererWatchdog {
  private timer?: NodeJS.Timeout;
  private probing: Promise<void> | null = null;
  private state: { up: boolean; reason: string | null } = { up: true, reason: null };
  private lastOkAt: Date | null = null;
  private lastProbeAt: Date | null = null;
  private replacements = 0;
  private consecutiveFailures = 0;

  constructor(
    private readonly renderer: WatchedRenderer,
    private readonly intervalMs: number,
    private readonly log?: (message: string) => void,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  stop(): Promise<void> {
    clearInterval(this.timer);
    return this.probing ?? Promise.resolve();
  }

  health(): RendererHealth {
    return {
      ...this.state,
      lastOkAt: this.lastOkAt,
      lastProbeAt: this.lastProbeAt,
      browserReplacements: this.replacements,
    };
  }

  /** A document printed: the renderer is up. */
  succeeded(): void {
    this.lastOkAt = new Date();
    this.consecutiveFailures = 0;
    this.state = { up: true, reason: null };
  }

  /** Probe now (after a timeout or a lost tab); answers when the probe is over. */
  checkNow(): Promise<void> {
    return this.runProbe();
  }

  private check(): Promise<void> {
    if (this.renderer.printedWithin(this.intervalMs)) return Promise.resolve();
    return this.runProbe();
  }

  private runProbe(): Promise<void> {
    this.probing ??= this.probeOnce().finally(() => {
      this.probing = null;
    });
    return this.probing;
  }

  private async probeOnce(): Promise<void> {
    for (;;) {
      this.lastProbeAt = new Date();
      try {
        await this.renderer.probe();
        this.succeeded();
        return;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        this.consecutiveFailures += 1;
        if (this.consecutiveFailures < 2) {
          this.log?.(`renderer probe failed (${reason}): probing again`);
          continue;
        }
        this.consecutiveFailures = 0;
        this.state = { up: false, reason };
        this.replacements += 1;
        this.log?.(`renderer probe failed twice (${reason}): replacing the browser`);
        this.renderer.replaceBrowser(reason);
        return;
      }
    }
  }
}
