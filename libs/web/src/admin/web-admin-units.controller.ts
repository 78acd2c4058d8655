import { Body, Controller, Get, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import {
  addPosition,
  addUnit,
  deactivatePosition,
  deactivateUnit,
  OrganisationEditService,
  renamePosition,
  renameUnit,
} from '@saraban/organisation';
import { PositionForm, UnitCodeForm, UnitForm } from '../forms/admin.forms';
import { WebExceptionFilter } from '../web-exception.filter';
import { emptyForm, refusedForm, type AdminFormState } from './web-admin-forms';
import { WebAdminPages } from './web-admin-pages.service';

/** A post as its add and rename forms give it to the organisation file. */
function positionInput(form: PositionForm): {
  code: string;
  title: string;
  unit: string;
  endorsementHeading: string;
} {
  return {
    code: form.code,
    title: form.title ?? '',
    unit: form.unit ?? '',
    endorsementHeading: form.endorsementHeading ?? '',
  };
}

interface UnitsPageForms {
  addUnit?: AdminFormState;
  addPosition?: AdminFormState;
  /** A row's form that was refused: which row and what was typed. */
  unit?: AdminFormState;
  position?: AdminFormState;
}

/** Units and posts: add, rename, deactivate (each change goes through the organisation file). */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('admin')
@Controller('app/admin')
export class WebAdminUnitsController {
  constructor(
    private readonly edits: OrganisationEditService,
    private readonly pages: WebAdminPages,
  ) {}

  @Get('units')
  async page(
    @CurrentUser() user: AuthUser,
    @Query('done') done: unknown,
    @Res() res: Response,
  ): Promise<void> {
    await this.render(res, user, {}, 200, done);
  }

  @Post('units')
  async addUnit(@CurrentUser() user: AuthUser, @Body() form: UnitForm, @Res() res: Response): Promise<void> {
    const input = { code: form.code, name: form.name ?? '', phone: form.phone };
    const result = await this.edits.edit(user.organisationId, (file) => addUnit(file, input));
    if (result.ok) return res.redirect(303, '/app/admin/units?done=unit-added');
    await this.render(res, user, { addUnit: refusedForm(input, result.problems) }, 400);
  }

  @Post('units/rename')
  async renameUnit(
    @CurrentUser() user: AuthUser,
    @Body() form: UnitForm,
    @Res() res: Response,
  ): Promise<void> {
    const input = { code: form.code, name: form.name ?? '', phone: form.phone ?? '' };
    const result = await this.edits.edit(user.organisationId, (file) => renameUnit(file, input));
    if (result.ok) return res.redirect(303, '/app/admin/units?done=unit-saved');
    await this.render(res, user, { unit: refusedForm(input, result.problems, { code: '' }, form.code) }, 400);
  }

  @Post('units/deactivate')
  async deactivateUnit(
    @CurrentUser() user: AuthUser,
    @Body() form: UnitCodeForm,
    @Res() res: Response,
  ): Promise<void> {
    const result = await this.edits.edit(user.organisationId, (file) => deactivateUnit(file, form.code));
    if (result.ok) return res.redirect(303, '/app/admin/units?done=unit-deactivated');
    await this.render(res, user, { unit: refusedForm({}, result.problems, { code: '' }, form.code) }, 400);
  }

  @Post('positions')
  async addPosition(
    @CurrentUser() user: AuthUser,
    @Body() form: PositionForm,
    @Res() res: Response,
  ): Promise<void> {
    const input = positionInput(form);
    const result = await this.edits.edit(user.organisationId, (file) => addPosition(file, input));
    if (result.ok) return res.redirect(303, '/app/admin/units?done=position-added');
    await this.render(res, user, { addPosition: refusedForm(input, result.problems) }, 400);
  }

  @Post('positions/rename')
  async renamePosition(
    @CurrentUser() user: AuthUser,
    @Body() form: PositionForm,
    @Res() res: Response,
  ): Promise<void> {
    const input = positionInput(form);
    const result = await this.edits.edit(user.organisationId, (file) => renamePosition(file, input));
    if (result.ok) return res.redirect(303, '/app/admin/units?done=position-saved');
    const refused = refusedForm(input, result.problems, { code: '' }, form.code);
    await this.render(res, user, { position: refused }, 400);
  }

  @Post('positions/deactivate')
  async deactivatePosition(
    @CurrentUser() user: AuthUser,
    @Body() form: UnitCodeForm,
    @Res() res: Response,
  ): Promise<void> {
    const result = await this.edits.edit(user.organisationId, (file) => deactivatePosition(file, form.code));
    if (result.ok) return res.redirect(303, '/app/admin/units?done=position-deactivated');
    await this.render(
      res,
      user,
      { position: refusedForm({}, result.problems, { code: '' }, form.code) },
      400,
    );
  }

  private async render(
    res: Response,
    user: AuthUser,
    forms: UnitsPageForms,
    status: number,
    done?: unknown,
  ): Promise<void> {
    const v = await this.pages.view(user.organisationId);
    const d = v.directory;
    // A row's form shows what was typed and why it was refused, open; every other row its current values.
    const rowForm = (posted: AdminFormState | undefined, code: string, current: Record<string, string>) =>
      posted?.key === code
        ? { ...posted, values: { ...current, ...posted.values }, open: true }
        : { ...emptyForm(current), open: false };
    await this.pages.send(
      res,
      user,
      'admin-units',
      'ส่วนราชการและตำแหน่ง',
      {
        units: d.units
          .filter((u) => u.active)
          .map((u) => ({
            code: u.code,
            name: u.name,
            phone: u.phone,
            form: rowForm(forms.unit, u.code, { name: u.name, phone: u.phone ?? '' }),
          })),
        positions: d.positions
          .filter((p) => p.active)
          .map((p) => ({
            code: p.code,
            title: p.title,
            unitName: v.unitName(p.unitId),
            endorsementHeading: p.endorsementHeading,
            form: rowForm(forms.position, p.code, {
              title: p.title,
              unit: v.unitCode(p.unitId),
              endorsementHeading: p.endorsementHeading ?? '',
            }),
          })),
        unitChoices: v.unitChoices,
        forms: { addUnit: forms.addUnit ?? emptyForm(), addPosition: forms.addPosition ?? emptyForm() },
      },
      status,
      done,
    );
  }
}
