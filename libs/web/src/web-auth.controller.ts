import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  CurrentUser,
  Public,
  RequiresCsrfToken,
  SessionService,
  SignInService,
  clearSessionCookie,
  cookieSessionToken,
  retryAfterOf,
  sessionClientOf,
  setRetryAfter,
  setSessionCookie,
  signInSchema,
  type AuthUser,
} from '@saraban/auth';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { AppException, ErrorCode } from '@saraban/errors';
import { OrganisationDirectoryService } from '@saraban/organisation';
import { fieldsOf, readSchemaForm } from './forms/schema-form.util';
import { WebAssets } from './web-assets.service';
import { WebExceptionFilter, safeNext } from './web-exception.filter';
import { WebViews } from './web-views.service';

const ORG_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Sign-in and sign-out pages; the session is the same cookie the JSON API reads. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class WebAuthController {
  constructor(
    private readonly signIns: SignInService,
    private readonly sessions: SessionService,
    private readonly directory: OrganisationDirectoryService,
    private readonly views: WebViews,
    private readonly assets: WebAssets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  root(@Res() res: Response): void {
    res.redirect(302, '/app');
  }

  @Public()
  @Get('app/login')
  async loginPage(
    @Query('org') org: string | undefined,
    @Query('next') next: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await this.renderLogin(
      res,
      { organisation: typeof org === 'string' ? org : '', username: '', next },
      null,
      200,
    );
  }

  @Public()
  @RequiresCsrfToken()
  @Post('app/login')
  async login(@Body() posted: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { next, ...fields } = fieldsOf(posted);
    const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
    const organisation = text(fields.organisation);
    const username = text(fields.username);
    const kept = { organisation, username, next: safeNext(next) };
    // The schema the API signs in with; the password is taken exactly as typed.
    const form = readSchemaForm(signInSchema, fields, { verbatim: ['password'] });
    if (!form.ok) {
      await this.renderLogin(res, kept, form.problem, 400);
      return;
    }
    try {
      const { token, expiresAt } = await this.signIns.signIn({
        ...form.body,
        client: sessionClientOf(req),
      });
      setSessionCookie(res, this.config, token, expiresAt);
      res.redirect(303, kept.next);
    } catch (err) {
      if (err instanceof AppException && err.code === ErrorCode.InvalidCredentials) {
        await this.renderLogin(res, kept, err.message, 401);
        return;
      }
      const retryAfter = retryAfterOf(err);
      if (err instanceof AppException && retryAfter !== null) {
        setRetryAfter(res, err);
        await this.renderLogin(
          res,
          kept,
          `${err.message} ${waitText(retryAfter, (err.details as { locked?: boolean }).locked === true)}`,
          429,
          err.code === ErrorCode.AccountLocked,
        );
        return;
      }
      throw err;
    }
  }

  /** Sign-out by address (a bookmark, a link): SameSite=Strict keeps other sites from sending the cookie here. */
  @Public()
  @Get('app/logout')
  async logoutLink(@Req() req: Request, @Res() res: Response): Promise<void> {
    const token = cookieSessionToken(req);
    const user = token ? await this.sessions.resolve(token) : null;
    if (token) await this.sessions.signOutToken(token);
    clearSessionCookie(res, this.config);
    res.redirect(303, user ? `/app/login?org=${encodeURIComponent(user.organisationCode)}` : '/app/login');
  }

  @Post('app/logout')
  async logout(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    await this.sessions.signOut(user.sessionId);
    clearSessionCookie(res, this.config);
    res.redirect(303, `/app/login?org=${encodeURIComponent(user.organisationCode)}`);
  }

  private async renderLogin(
    res: Response,
    values: { organisation: string; username: string; next?: string },
    error: string | null,
    status: number,
    locked = false,
  ): Promise<void> {
    let organisationName: string | null = null;
    if (values.organisation && ORG_CODE.test(values.organisation)) {
      organisationName = await this.directory.byCode(values.organisation).then(
        (o) => o.name,
        () => null,
      );
    }
    this.views.send(
      res,
      'login',
      {
        title: 'เข้าสู่ระบบ',
        assetVersion: this.assets.assetVersion(),
        organisationName,
        values: { ...values, next: safeNext(values.next) },
        error,
        locked,
      },
      status,
    );
  }
}

/** How long to wait, in Thai: minutes for a lock, seconds for a short wait. */
function waitText(seconds: number, locked: boolean): string {
  if (locked || seconds >= 120) return `ลองใหม่ได้อีกครั้งในอีก ${Math.ceil(seconds / 60)} นาที`;
  return `ลองใหม่ได้อีกครั้งในอีก ${seconds} วินาที`;
}
