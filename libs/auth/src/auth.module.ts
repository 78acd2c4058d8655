import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { CsrfGuard } from './csrf/csrf.guard';
import { CsrfService } from './csrf/csrf.service';
import { SessionModule } from './session.module';
import { SignInService } from './sign-in.service';
import { SignInThrottle } from './throttling/sign-in-throttle.service';

/**
 * Sign-in and the global guards of the HTTP app: CSRF first (cheap, no database), then the
 * session. The worker imports SessionModule alone. SignInThrottle is exported for the queue
 * board's operator sign-in (HTTP Basic), counted with the same limiter.
 */
@Module({
  imports: [SessionModule],
  controllers: [AuthController],
  providers: [
    SignInThrottle,
    SignInService,
    CsrfService,
    { provide: APP_GUARD, useClass: CsrfGuard },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [SessionModule, SignInService, SignInThrottle, CsrfService],
})
export class AuthModule {}
