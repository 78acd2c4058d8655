import { Injectable } from '@nestjs/common';

/** One dependency's answer: up or not, with what an operator needs to know. */
export interface ReadinessAnswer {
  up: boolean;
  details?: Record<string, unknown>;
}

/**
 * Checks that other modules add to /health/ready (the renderer, the queue worker): each process
 * reports the parts it really runs, and readiness is ok only when every one answers up.
 */
@Injectable()
export class ReadinessChecks {
  private readonly checks = new Map<string, () => Promise<ReadinessAnswer> | ReadinessAnswer>();

  register(name: string, check: () => Promise<ReadinessAnswer> | ReadinessAnswer): void {
    this.checks.set(name, check);
  }

  entries(): [string, () => Promise<ReadinessAnswer> | ReadinessAnswer][] {
    return [...this.checks.entries()];
  }
}
