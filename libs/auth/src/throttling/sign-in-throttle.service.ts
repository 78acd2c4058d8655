import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { AppException, ErrorCode } from '@saraban/errors';
import { REDIS } from '@saraban/redis';
import { clientAddressKey } from './client-address.util';

/** Who is signing in, as counted: the account typed (whether or not it exists) and the client address. */
export interface SignInAttempt {
  /** The organisation's code as typed; null for the deployment's operator (the queue board), who belongs to none. */
  organisation: string | null;
  username: string;
  address: string;
}

interface Scope {
  kind: 'account' | 'address';
  key: string;
  /** Failures before the first wait. */
  free: number;
  /** Failures (and attempts made while told to wait) that lock. */
  lockAfter: number;
}

/** The longest of the growing waits between attempts. */
const MAX_WAIT_SECONDS = 60;

function toSeconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * Failed sign-ins, counted in Redis per account and per client address so that every API process
 * sees the same counts (rate-limiter-flexible's atomic counters, with an in-memory stand-in per
 * process while Redis is away). A few failures are free; after that each attempt must wait twice
 * as long as the one before (1 s, 2 s, 4 s … up to a minute), and an attempt made before its wait
 * is over is refused (429) and counted; at SIGN_IN_*_LOCK_AFTER the account or address is locked
 * for SIGN_IN_LOCK_MINUTES, when even the right password is refused. A success clears the
 * account's count; the address keeps its own, so one valid account cannot reset it.
 *
 * The account is the organisation code and username as typed: unknown accounts are counted and
 * locked alike, so a lock tells nothing about who exists. The deployment's operator (HTTP Basic on
 * the queue board) is counted the same way, under accounts of their own, and shares the address's
 * count with the sign-in page.
 */
@Injectable()
export class SignInThrottle {
  private readonly failures: RateLimiterRedis;
  private readonly waits: RateLimiterRedis;
  private readonly locks: RateLimiterRedis;
  private readonly lockSeconds: number;

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.lockSeconds = config.SIGN_IN_LOCK_MINUTES * 60;
    const limiter = (name: string, points: number, duration: number) => {
      const keyPrefix = `${config.QUEUE_PREFIX}:sign-in:${name}`;
      return new RateLimiterRedis({
        storeClient: redis,
        keyPrefix,
        points,
        duration,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
      });
    };
    // Counts only (penalty/reward/get): their points are never consumed against.
    this.failures = limiter('failures', 1_000_000, this.lockSeconds);
    // Blocks set with block(key, seconds): consumed points 2 > 1 while they last.
    this.waits = limiter('waits', 1, MAX_WAIT_SECONDS);
    this.locks = limiter('locks', 1, this.lockSeconds);
  }

  /**
   * Runs `check` (the password check), unless the account or the address must wait or is locked;
   * a failed check (null) is counted. Throws SIGN_IN_THROTTLED or ACCOUNT_LOCKED (429, with
   * `details.retryAfterSeconds`) when refused, INVALID_CREDENTIALS when the check failed.
   */
  async attempt<T>(attempt: SignInAttempt, check: () => Promise<T | null>): Promise<T> {
    const [account, address] = this.scopesOf(attempt);
    const scopes = [account, address];

    // A lock refuses at once, and is not counted: it would only grow.
    const locks = await Promise.all(scopes.map((s) => this.locks.get(s.key)));
    for (const [i, lock] of locks.entries()) {
      if (this.blocked(lock, this.locks)) throw this.refusal(scopes[i], 'lock', lock.msBeforeNext);
    }

    // The attempt is counted on the account before the password is checked: attempts sent
    // together each get their own number, so no burst gets more checks than the lock allows.
    const accountCount = (await this.failures.penalty(account.key)).consumedPoints;
    const waits = await Promise.all(scopes.map((s) => this.waits.get(s.key)));
    const waiting = waits.reduce(
      (ms, w) => (this.blocked(w, this.waits) ? Math.max(ms, w.msBeforeNext) : ms),
      0,
    );
    if (waiting > 0 || accountCount > account.lockAfter) {
      const addressCount = (await this.failures.penalty(address.key)).consumedPoints;
      const locked = await this.escalate([
        [account, accountCount],
        [address, addressCount],
      ]);
      if (locked) throw locked;
      throw this.refusal(account, 'wait', await this.longestWait(scopes));
    }

    const result = await check();
    if (result !== null) {
      await Promise.all([this.failures.delete(account.key), this.waits.delete(account.key)]);
      return result;
    }
    const addressCount = (await this.failures.penalty(address.key)).consumedPoints;
    const locked = await this.escalate([
      [account, accountCount],
      [address, addressCount],
    ]);
    if (locked) throw locked;
    throw new AppException(ErrorCode.InvalidCredentials);
  }

  /** Sets each scope's wait (or lock) for its count; answers the refusal when one is now locked. */
  private async escalate(counts: [Scope, number][]): Promise<AppException | null> {
    let locked: AppException | null = null;
    for (const [scope, count] of counts) {
      if (count >= scope.lockAfter) {
        await this.locks.block(scope.key, this.lockSeconds);
        locked ??= this.refusal(scope, 'lock', this.lockSeconds * 1000);
      } else if (count > scope.free) {
        const seconds = Math.min(MAX_WAIT_SECONDS, 2 ** (count - scope.free - 1));
        await this.waits.block(scope.key, seconds);
      }
    }
    return locked;
  }

  private async longestWait(scopes: Scope[]): Promise<number> {
    const waits = await Promise.all(scopes.map((s) => this.waits.get(s.key)));
    return waits.reduce((ms, w) => (this.blocked(w, this.waits) ? Math.max(ms, w.msBeforeNext) : ms), 1000);
  }

  private blocked(res: RateLimiterRes | null, limiter: RateLimiterRedis): res is RateLimiterRes {
    return res !== null && res.consumedPoints > limiter.points && res.msBeforeNext > 0;
  }

  private refusal(scope: Scope, kind: 'wait' | 'lock', ms: number): AppException {
    const retryAfterSeconds = toSeconds(ms);
    const code =
      kind === 'lock' && scope.kind === 'account' ? ErrorCode.AccountLocked : ErrorCode.SignInThrottled;
    return new AppException(code, { retryAfterSeconds, locked: kind === 'lock' });
  }

  private scopesOf(attempt: SignInAttempt): [Scope, Scope] {
    const username = attempt.username.trim().toLowerCase();
    const typed =
      attempt.organisation === null
        ? username
        : `${attempt.organisation.trim().toLowerCase()}\u0000${username}`;
    const account = createHash('sha256').update(typed).digest('hex').slice(0, 32);
    return [
      {
        kind: 'account',
        key: `${attempt.organisation === null ? 'operator' : 'account'}:${account}`,
        free: 3,
        lockAfter: this.config.SIGN_IN_ACCOUNT_LOCK_AFTER,
      },
      {
        kind: 'address',
        key: `address:${clientAddressKey(attempt.address)}`,
        free: 10,
        lockAfter: this.config.SIGN_IN_ADDRESS_LOCK_AFTER,
      },
    ];
  }
}
