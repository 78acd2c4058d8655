import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCookieAuth,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { ErrorBody, SchemaPipe } from '@saraban/errors';
import { CurrentUser, Public } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { SignInDto } from './dto/sign-in.dto';
import { signInSchema, type SignInInput } from './dto/sign-in.schema';
import { CurrentUserResponse, SessionResponse } from './dto/session.response';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { SessionService } from './session.service';
import { SignInService } from './sign-in.service';
import { sessionClientOf, setRetryAfter } from './throttling/client-address.util';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly signIns: SignInService,
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in; answers a bearer token and sets the session cookie',
    description:
      'Failed sign-ins are counted per account and per client address: after a few, each attempt must ' +
      'wait longer (429 SIGN_IN_THROTTLED), then the account is locked for a while (429 ACCOUNT_LOCKED). ' +
      'Retry-After says how many seconds.',
  })
  @ApiBody({ type: SignInDto })
  @ApiOkResponse({ type: SessionResponse })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'Too many failures: wait Retry-After seconds' })
  async login(
    @Body(new SchemaPipe(signInSchema)) dto: SignInInput,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    let session: Awaited<ReturnType<SignInService['signIn']>>;
    try {
      session = await this.signIns.signIn({ ...dto, client: sessionClientOf(req) });
    } catch (err) {
      setRetryAfter(res, err);
      throw err;
    }
    const { token, expiresAt, user } = session;
    setSessionCookie(res, this.config, token, expiresAt);
    const { sessionId: _sessionId, ...visible } = user;
    return { token, expiresAt, user: visible };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'End the current session' })
  async logout(@CurrentUser() user: AuthUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.sessions.signOut(user.sessionId);
    clearSessionCookie(res, this.config);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiCookieAuth()
  @ApiOperation({ summary: 'Who am I' })
  @ApiOkResponse({ type: CurrentUserResponse })
  me(@CurrentUser() user: AuthUser): CurrentUserResponse {
    const { sessionId: _sessionId, ...visible } = user;
    return visible;
  }
}
