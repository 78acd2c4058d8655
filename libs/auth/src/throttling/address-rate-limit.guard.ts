import {
  Inject,
  Injectable,
  SetMetadata,
  UseGuards,
  applyDecorators,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { AppException, ErrorCode } from '@saraban/errors';
import { REDIS } from '@saraban/redis';
import { clientAddressKey, clientAddressOf, setRetryAfter } from './client-address.util';

export interface AddressRateLimit {
  /** Names the counter: routes with the same name share it. */
  name: string;
  /** Requests allowed per client address … */
  points: number;
  /** … in this many seconds. */
  seconds: number;
}

const RATE_LIMIT_KEY = 'saraban:address-rate-limit';

/**
 * Per client address, counted in Redis across API processes (an in-memory stand-in while Redis is
 * away); past the limit: 429 TOO_MANY_REQUESTS with Retry-After until the window ends.
 */
@Injectable()
export class AddressRateLimitGuard implements CanActivate {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(
    private readonly reflector: Reflector,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const limit = this.reflector.getAllAndOverride<AddressRateLimit | undefined>(RATE_LIMIT_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!limit) return true;
    const http = context.switchToHttp();
    const key = clientAddressKey(clientAddressOf(http.getRequest<Request>()));
    try {
      await this.limiterFor(limit).consume(key);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const error = new AppException(ErrorCode.TooManyRequests, {
        retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      });
      setRetryAfter(http.getResponse<Response>(), error);
      throw error;
    }
  }

  private limiterFor(limit: AddressRateLimit): RateLimiterRedis {
    let limiter = this.limiters.get(limit.name);
    if (!limiter) {
      const keyPrefix = `${this.config.QUEUE_PREFIX}:rate:${limit.name}`;
      limiter = new RateLimiterRedis({
        storeClient: this.redis,
        keyPrefix,
        points: limit.points,
        duration: limit.seconds,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix, points: limit.points, duration: limit.seconds }),
      });
      this.limiters.set(limit.name, limiter);
    }
    return limiter;
  }
}

/** Limits the route per client address (see AddressRateLimitGuard). */
export function RateLimitPerAddress(limit: AddressRateLimit): MethodDecorator & ClassDecorator {
  return applyDecorators(SetMetadata(RATE_LIMIT_KEY, limit), UseGuards(AddressRateLimitGuard));
}

/** The public verification upload (API and portal page share it): hashing and checking a PDF of up to 50 MB. */
export const VERIFY_UPLOAD_LIMIT: AddressRateLimit = { name: 'verify-upload', points: 20, seconds: 60 };
