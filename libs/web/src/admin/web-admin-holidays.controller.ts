import { Body, Controller, Get, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { addHoliday, OrganisationEditService, removeHoliday } from '@saraban/organisation';
import { bangkokDateString, formatTypedDay } from '@saraban/thai-format';
import { HolidayForm } from '../forms/admin.forms';
import { WebExceptionFilter } from '../web-exception.filter';
import { emptyForm, refusedForm, type AdminFormState } from './web-admin-forms';
import { WebAdminPages } from './web-admin-pages.service';
import { typedDays } from './typed-days.util';

/**
 * The organisation's own days off (beside the public holidays the calendar knows), per year, as
 * the organisation file's `holidays:` section: deadlines and quiet hours skip them.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('admin')
@Controller('app/admin/holidays')
export class WebAdminHolidaysController {
  constructor(
    private readonly edits: OrganisationEditService,
    private readonly pages: WebAdminPages,
  ) {}

  @Get()
  async page(
    @CurrentUser() user: AuthUser,
    @Query('done') done: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.render(res, user, null, [], 200, done);
  }

  @Post()
  async add(@CurrentUser() user: AuthUser, @Body() form: HolidayForm, @Res() res: Response): Promise<void> {
    const values = { date: form.date ?? '', name: form.name ?? '' };
    const digits = (await this.pages.view(user.organisationId)).directory.organisation.digits;
    const { days, problems } = typedDays({ date: form.date }, ['date'], digits);
    const result =
      problems.length > 0
        ? { ok: false as const, problems }
        : await this.edits.edit(user.organisationId, (file) =>
            addHoliday(file, { date: days.date, name: values.name }),
          );
    if (result.ok) return res.redirect(303, '/app/admin/holidays?done=holiday-added');
    await this.render(res, user, refusedForm(values, result.problems), [], 400);
  }

  @Post('remove')
  async remove(
    @CurrentUser() user: AuthUser,
    @Body() form: HolidayForm,
    @Res() res: Response,
  ): Promise<void> {
    const result = await this.edits.edit(user.organisationId, (file) => removeHoliday(file, form.date ?? ''));
    if (result.ok) return res.redirect(303, '/app/admin/holidays?done=holiday-removed');
    await this.render(
      res,
      user,
      null,
      result.problems.map((p) => p.message),
      400,
    );
  }

  private async render(
    res: Response,
    user: AuthUser,
    add: AdminFormState | null,
    errors: string[],
    status: number,
    done?: unknown,
  ): Promise<void> {
    const v = await this.pages.view(user.organisationId);
    const holidays = v.directory.organisation.workingTime.holidays ?? {};
    const digits = v.directory.organisation.digits;
    const years = Object.keys(holidays)
      .sort()
      .map((year) => ({
        year,
        yearBE: Number(year) + 543,
        days: (holidays[year] ?? []).map((d) => ({ date: d.date, name: d.name })),
      }));
    await this.pages.send(
      res,
      user,
      'admin-holidays',
      'วันหยุดของหน่วยงาน',
      {
        years,
        errors,
        dayExample: formatTypedDay(bangkokDateString(new Date()), digits),
        forms: { add: add ?? emptyForm() },
      },
      status,
      done,
    );
  }
}
