import { Body, Controller, Get, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { CurrentUser, Public } from './auth.decorators';
import type { AuthUser } from './auth-user';
import { SignInDto } from './dto/sign-in.dto';
import { CurrentUserResponse, SessionResponse } from './dto/session.response';
import { SESSION_COOKIE } from './session-cookie';
import { SessionService } from './session.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in; answers a bearer token and sets the session cookie' })
  @ApiOkResponse({ type: SessionResponse })
  async login(@Body() dto: SignInDto, @Res({ passthrough: true }) res: Response): Promise<SessionResponse> {
    const { token, expiresAt, user } = await this.sessions.signIn(
      dto.organisation,
      dto.username,
      dto.password,
    );
    res.cookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.COOKIE_SECURE,
      expires: expiresAt,
      path: '/',
    });
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
    res.clearCookie(SESSION_COOKIE, { path: '/' });
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
