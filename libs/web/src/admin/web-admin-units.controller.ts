import { Body, Controller, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import {
  addPosition,
  addUnit,
  deactivatePosition,
  deactivateUnit,
  renamePosition,
  renameUnit,
  type OrganisationEdit,
  type OrganisationFile,
} from '@saraban/organisation';
import { PositionForm, UnitCodeForm, UnitForm } from '../forms/admin.forms';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPage } from '../web-page.mixin';
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
export class WebAdminUnitsController extends WebPage('units') {
  constructor(private readonly pages: WebAdminPages) {
    super();
  }

  protected show(res: Response, user: AuthUser, done: unknown): Promise<void> {
    return this.render(res, user, {}, 200, done);
  }

  @Post('units')
  async addUnit(@CurrentUser() user: AuthUser, @Body() form: UnitForm, @Res() res: Response): Promise<void> {
    const input = { code: form.code, name: form.name ?? '', phone: form.phone };
    await this.save(res, user, 'unit-added', 'addUnit', input, (file) => addUnit(file, input));
  }

  @Post('units/rename')
  async renameUnit(
    @CurrentUser() user: AuthUser,
    @Body() form: UnitForm,
    @Res() res: Response,
  ): Promise<void> {
    const input = { code: form.code, name: form.name ?? '', phone: form.phone ?? '' };
    await this.save(res, user, 'unit-saved', 'unit', input, (file) => renameUnit(file, input), form.code);
  }

  @Post('units/deactivate')
  async deactivateUnit(
    @CurrentUser() user: AuthUser,
    @Body() form: UnitCodeForm,
    @Res() res: Response,
  ): Promise<void> {
    await this.deactivate(res, user, 'unit', form.code);
  }

  @Post('positions')
  async addPosition(
    @CurrentUser() user: AuthUser,
    @Body() form: PositionForm,
    @Res() res: Response,
  ): Promise<void> {
    const input = positionInput(form);
    await this.save(res, user, 'position-added', 'addPosition', input, (file) => addPosition(file, input));
  }

  @Post('positions/rename')
  async renamePosition(
    @CurrentUser() user: AuthUser,
    @Body() form: PositionForm,
    @Res() res: Response,
  ): Promise<void> {
    const input = positionInput(form);
    await this.save(
      res,
      user,
      'position-saved',
      'position',
      input,
      (file) => renamePosition(file, input),
      form.code,
    );
  }

  @Post('positions/deactivate')
  async deactivatePosition(
    @CurrentUser() user: AuthUser,
    @Body() form: UnitCodeForm,
    @Res() res: Response,
  ): Promise<void> {
    await this.deactivate(res, user, 'position', form.code);
  }

  /**
   * One of the page's forms, saved to the organisation file: back to the page with `done`'s
   * confirmation, or refused, the page again with that form open on what was typed (a row's form
   * names its row by `row`, the code, which is no input of its own).
   */
  private save(
    res: Response,
    user: AuthUser,
    done: string,
    form: keyof UnitsPageForms,
    values: object,
    change: (file: OrganisationFile) => OrganisationEdit,
    row?: string,
  ): Promise<void> {
    return this.pages.save(res, user, `/app/admin/units?done=${done}`, change, (problems) => {
      const refused = refusedForm(values, problems, row === undefined ? {} : { code: '' }, row);
      return this.render(res, user, { [form]: refused }, 400);
    });
  }

  /** Deactivates a unit or a post; refused, its row opens again with the reason. */
  private deactivate(res: Response, user: AuthUser, row: 'unit' | 'position', code: string): Promise<void> {
    const change = row === 'unit' ? deactivateUnit : deactivatePosition;
    return this.save(res, user, `${row}-deactivated`, row, {}, (file) => change(file, code), code);
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
