import { Body, Controller, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { ACTING_KIND_LABELS, addActingOrder, endActingOrder } from '@saraban/organisation';
import { bangkokDateString, formatTypedDay } from '@saraban/thai-format';
import { ActingOrderForm, EndActingOrderForm } from '../forms/admin.forms';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPage } from '../web-page.mixin';
import { emptyForm, refusedForm, type AdminFormState } from './web-admin-forms';
import { WebAdminPages } from './web-admin-pages.service';

interface ActingPageForms {
  add?: AdminFormState;
  /** The end form of one order, refused (its key: person/position/from). */
  end?: AdminFormState;
}

/** Acting orders: who acts for which post, from which day to which (the organisation file's orders). */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('admin')
@Controller('app/admin/acting')
export class WebAdminActingController extends WebPage() {
  constructor(private readonly pages: WebAdminPages) {
    super();
  }

  protected show(res: Response, user: AuthUser, done: unknown): Promise<void> {
    return this.render(res, user, {}, 200, done);
  }

  @Post()
  async add(
    @CurrentUser() user: AuthUser,
    @Body() form: ActingOrderForm,
    @Res() res: Response,
  ): Promise<void> {
    const values = {
      person: form.person ?? '',
      position: form.position ?? '',
      kind: form.kind ?? '',
      from: form.from ?? '',
      to: form.to ?? '',
      reference: form.reference ?? '',
    };
    await this.pages.saveWithDays(
      res,
      user,
      '/app/admin/acting?done=acting-added',
      { from: form.from, to: form.to },
      ['from'],
      (file, days) => addActingOrder(file, { ...values, ...days }),
      (problems) => this.render(res, user, { add: refusedForm(values, problems) }, 400),
    );
  }

  @Post('end')
  async end(
    @CurrentUser() user: AuthUser,
    @Body() form: EndActingOrderForm,
    @Res() res: Response,
  ): Promise<void> {
    const key = { person: form.person, position: form.position, from: form.from };
    await this.pages.saveWithDays(
      res,
      user,
      '/app/admin/acting?done=acting-ended',
      { to: form.to },
      ['to'],
      (file, days) => endActingOrder(file, key, days.to),
      (problems) => {
        const refused = refusedForm(
          { to: form.to ?? '' },
          problems,
          {},
          `${key.person}/${key.position}/${key.from}`,
        );
        return this.render(res, user, { end: refused }, 400);
      },
    );
  }

  private async render(
    res: Response,
    user: AuthUser,
    forms: ActingPageForms,
    status: number,
    done?: unknown,
  ): Promise<void> {
    const v = await this.pages.view(user.organisationId);
    const digits = v.directory.organisation.digits;
    const today = bangkokDateString(new Date());
    const orders = v.directory.actingOrders.map((o) => {
      const person = v.username(o.personId);
      const position = v.positionCode(o.positionId);
      const key = `${person}/${position}/${o.fromDate}`;
      const posted = forms.end?.key === key ? forms.end : undefined;
      return {
        person,
        position,
        from: o.fromDate,
        personName: v.personName(o.personId),
        positionTitle: v.positionTitle(o.positionId),
        kind: o.kind,
        fromDate: o.fromDate,
        toDate: o.toDate,
        reference: o.reference,
        fromAway: o.awayNoticeId !== null,
        ended: o.toDate !== null && o.toDate < today,
        form: posted
          ? { ...posted, open: true }
          : { ...emptyForm({ to: formatTypedDay(today, digits) }), open: false },
      };
    });
    await this.pages.send(
      res,
      user,
      'admin-acting',
      'คำสั่งรักษาราชการแทน',
      {
        current: orders.filter((o) => !o.ended),
        past: orders.filter((o) => o.ended),
        personChoices: v.personChoices,
        positionChoices: v.positionChoices,
        kindChoices: Object.entries(ACTING_KIND_LABELS).map(([value, label]) => ({ value, label })),
        dayExample: formatTypedDay(today, digits),
        forms: { add: forms.add ?? emptyForm({ kind: 'acting', from: formatTypedDay(today, digits) }) },
      },
      status,
      done,
    );
  }
}
