import { Body, Controller, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { addHoliday, removeHoliday } from '@saraban/organisation';
import { bangkokDateString, formatTypedDay } from '@saraban/thai-format';
import { HolidayForm } from '../forms/admin.forms';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPage } from '../web-page.mixin';
import { emptyForm, refusedForm, type AdminFormState } from './web-admin-forms';
import { WebAdminPages } from './web-admin-pages.service';

/**
 * The organisation's own days off (beside the public holidays the calendar knows), per year, as
 * the organisation file's `holidays:` section: deadlines and quiet hours skip them.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('admin')
@Controller('app/admin/holidays')
export class WebAdminHolidaysController extends WebPage() {
  constructor(private readonly pages: WebAdminPages) {
    super();
  }

  protected show(res: Response, user: AuthUser, done: unknown): Promise<void> {
    return this.render(res, user, null, [], 200, done);
  }

  @Post()
  async add(@CurrentUser() user: AuthUser, @Body() form: HolidayForm, @Res() res: Response): Promise<void> {
    const values = { date: form.date ?? '', name: form.name ?? '' };
    await this.pages.saveWithDays(
      res,
      user,
      '/app/admin/holidays?done=holiday-added',
      { date: form.date },
      ['date'],
      (file, days) => addHoliday(file, { date: days.date, name: values.name }),
      (problems) => this.render(res, user, refusedForm(values, problems), [], 400),
    );
  }

  @Post('remove')
  async remove(
    @CurrentUser() user: AuthUser,
    @Body() form: HolidayForm,
    @Res() res: Response,
  ): Promise<void> {
    await this.pages.save(
      res,
      user,
      '/app/admin/holidays?done=holiday-removed',
      (file) => removeHoliday(file, form.date ?? ''),
      (problems) =>
        this.render(
          res,
          user,
          null,
          problems.map((p) => p.message),
          400,
        ),
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
