import {
  Controller,
  Get,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, SessionService, clearSessionCookie, type AuthUser } from '@saraban/auth';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { AppException, ErrorCode } from '@saraban/errors';
import { IMAGE_MAX_BYTES, OrganisationImagesService } from '@saraban/organisation';
import { submitForm } from './forms/form-post.util';
import { describeUserAgent } from './user-agent.util';
import { WebExceptionFilter } from './web-exception.filter';
import { WebShell } from './web-shell.service';
import { WebViews } from './web-views.service';

/** The signed-in person's own settings: the scanned signature printed above their name, and their sessions. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app/me')
export class WebProfileController {
  constructor(
    private readonly images: OrganisationImagesService,
    private readonly sessions: SessionService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('signature')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMAGE_MAX_BYTES + 1, files: 1 } }))
  async setSignature(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      async () => {
        await this.images.setSignature(user.personId, file?.buffer);
        return '/app/memos/mine?done=signature';
      },
      () => res.redirect(303, `/app/memos/mine?done=signature-refused`),
    );
  }

  /** Where the person is signed in: each session's browser, address, start and last use, with a button to end it. */
  @Get('sessions')
  async sessionsPage(
    @CurrentUser() user: AuthUser,
    @Query('done') done: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const shell = await this.shell.context(user, 'mine', 'การเข้าสู่ระบบของฉัน', done);
    const sessions = (await this.sessions.listActive(user.personId)).map((s) => ({
      ...s,
      browser: describeUserAgent(s.userAgent),
      current: s.id === user.sessionId,
    }));
    this.views.send(res, 'sessions', {
      ...shell,
      sessions,
      others: sessions.some((s) => !s.current),
      idleMinutes: this.config.SESSION_IDLE_MINUTES,
      ttlHours: this.config.SESSION_TTL_HOURS,
    });
  }

  /** Ends one of the person's sessions; ending this one signs out here. */
  @Post('sessions/:id/end')
  async endSession(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    if (!(await this.sessions.endOwn(user.personId, id))) throw new AppException(ErrorCode.NotFound);
    if (id === user.sessionId) {
      clearSessionCookie(res, this.config);
      res.redirect(303, `/app/login?org=${encodeURIComponent(user.organisationCode)}`);
      return;
    }
    res.redirect(303, '/app/me/sessions?done=session-ended');
  }

  /** Signs out everywhere but here (a phone left signed in, a shared PC). */
  @Post('sessions/end-others')
  async endOtherSessions(@CurrentUser() user: AuthUser, @Res() res: Response): Promise<void> {
    await this.sessions.endOthers(user.personId, user.sessionId);
    res.redirect(303, '/app/me/sessions?done=sessions-ended');
  }
}
