import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { WebExceptionFilter } from './web-exception.filter';
import { WebShell } from './web-shell.service';
import { WebViews } from './web-views.service';

/** The home page: what waits for me. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app')
export class WebHomeController {
  constructor(
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {}

  @Get()
  async inbox(
    @CurrentUser() user: AuthUser,
    @Query('done') done: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const shell = await this.shell.context(user, 'inbox', 'งานรอดำเนินการ', done);
    this.views.send(res, 'inbox', { ...shell, items: [], capacities: [] });
  }
}
