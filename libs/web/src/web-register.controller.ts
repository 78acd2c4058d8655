import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { OUTGOING_REGISTER, RegisterService, registerInputSchemas } from '@saraban/register';
import { BUDDHIST_ERA_OFFSET, bangkokCalendarYear } from '@saraban/thai-format';
import { submitForm } from './forms/form-post.util';
import { readSchemaForm } from './forms/schema-form.util';
import { WebExceptionFilter } from './web-exception.filter';
import { WebShell } from './web-shell.service';
import { WebViews } from './web-views.service';

const PAGE_SIZE = 50;

function yearOf(raw: unknown): number {
  const now = bangkokCalendarYear(new Date());
  const y = typeof raw === 'string' && /^\d{4}$/.test(raw) ? Number(raw) : now;
  return y >= 2000 && y <= now + 1 ? y : now;
}

/** The clerk's outgoing register: a year's entries, the next number, CSV export, cancelling a number. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('clerk', 'admin')
@Controller('app/register')
export class WebRegisterController {
  constructor(
    private readonly registers: RegisterService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {}

  @Get()
  async page(
    @CurrentUser() user: AuthUser,
    @Query('year') yearParam: unknown,
    @Query('q') qParam: unknown,
    @Query('page') pageParam: unknown,
    @Query('done') done: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.render(res, user, yearOf(yearParam), qParam, pageParam, done, null, 200);
  }

  @Post('next-number')
  async setNext(
    @CurrentUser() user: AuthUser,
    @Query('year') yearParam: unknown,
    @Body() posted: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const year = yearOf(yearParam);
    const form = readSchemaForm(registerInputSchemas.setNextNumber, posted, { numbers: ['nextNumber'] });
    if (!form.ok) {
      await this.render(res, user, year, undefined, undefined, undefined, form.problem, 400);
      return;
    }
    const { nextNumber, note } = form.body;
    await submitForm(
      res,
      async () => {
        await this.registers.setNextNumber(
          user.organisationId,
          OUTGOING_REGISTER,
          year,
          nextNumber,
          user.personId,
          note || null,
        );
        return `/app/register?year=${year}&done=next-number`;
      },
      async (err) => {
        await this.render(res, user, year, undefined, undefined, undefined, err.message, err.status);
      },
    );
  }

  @Post('entries')
  async registerPaper(
    @CurrentUser() user: AuthUser,
    @Body() posted: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const year = bangkokCalendarYear(new Date());
    const form = readSchemaForm(registerInputSchemas.registerDocument, posted);
    if (!form.ok) {
      await this.render(res, user, year, undefined, undefined, undefined, form.problem, 400);
      return;
    }
    const { fromText, toText, subject, remarks } = form.body;
    await this.registers.registerDocument(
      user.organisationId,
      OUTGOING_REGISTER,
      { fromText, toText, subject, remarks: remarks || undefined },
      user.personId,
    );
    res.redirect(303, `/app/register?year=${year}&done=registered`);
  }

  @Post('entries/:id/cancel')
  async cancel(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() posted: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const entry = await this.registers.get(user.organisationId, id, OUTGOING_REGISTER);
    const form = readSchemaForm(registerInputSchemas.cancelEntry, posted);
    if (!form.ok) {
      await this.render(res, user, entry.year, undefined, undefined, undefined, form.problem, 400);
      return;
    }
    const { reason } = form.body;
    await submitForm(
      res,
      async () => {
        await this.registers.cancel(user.organisationId, id, reason, user.personId, OUTGOING_REGISTER);
        return `/app/register?year=${entry.year}&done=entry-cancelled`;
      },
      async (err) => {
        await this.render(res, user, entry.year, undefined, undefined, undefined, err.message, err.status);
      },
    );
  }

  private async render(
    res: Response,
    user: AuthUser,
    year: number,
    qParam: unknown,
    pageParam: unknown,
    done: unknown,
    error: string | null,
    status: number,
  ): Promise<void> {
    const q = typeof qParam === 'string' ? qParam.slice(0, 200) : '';
    const page =
      typeof pageParam === 'string' && /^\d{1,6}$/.test(pageParam) ? Math.max(1, Number(pageParam)) : 1;
    const [list, summary] = await Promise.all([
      this.registers.list(user.organisationId, {
        register: OUTGOING_REGISTER,
        year,
        q,
        page,
        pageSize: PAGE_SIZE,
      }),
      this.registers.yearSummary(user.organisationId, OUTGOING_REGISTER, year),
    ]);
    const now = bangkokCalendarYear(new Date());
    const years = [now + 1, now, now - 1, now - 2, now - 3].filter((y) => y <= now || summary.year === y);
    const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
    const link = (p: number): string =>
      `/app/register?year=${year}${q ? `&q=${encodeURIComponent(q)}` : ''}&page=${p}`;
    const shell = await this.shell.context(user, 'register', 'ทะเบียนหนังสือส่ง', done);
    this.views.send(
      res,
      'register',
      {
        ...shell,
        error,
        year,
        yearBE: year + BUDDHIST_ERA_OFFSET,
        years: years.map((y) => ({ value: y, label: y + BUDDHIST_ERA_OFFSET, selected: y === year })),
        q,
        list,
        summary,
        csvUrl: `/registers/${OUTGOING_REGISTER}/entries.csv?year=${year}`,
        prev: page > 1 ? link(page - 1) : null,
        next: page < pages ? link(page + 1) : null,
        page,
        pages,
      },
      status,
    );
  }
}
