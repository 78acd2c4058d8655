import { Body, Controller, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { setChain } from '@saraban/organisation';
import { ChainForm, listOf } from '../forms/admin.forms';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPage } from '../web-page.mixin';
import { refusedForm, type AdminFormState } from './web-admin-forms';
import { WebAdminPages } from './web-admin-pages.service';

/** Steps a chain can have (the organisation file's limit). */
const MAX_STEPS = 10;

/** Approval chains: the posts a unit's memos go up through, first to last. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('admin')
@Controller('app/admin/chains')
export class WebAdminChainsController extends WebPage() {
  constructor(private readonly pages: WebAdminPages) {
    super();
  }

  protected show(res: Response, user: AuthUser, done: unknown): Promise<void> {
    return this.render(res, user, null, [], 200, done);
  }

  @Post()
  async save(@CurrentUser() user: AuthUser, @Body() form: ChainForm, @Res() res: Response): Promise<void> {
    const steps = listOf(form.steps).filter((s) => s.trim() !== '');
    await this.pages.save(
      res,
      user,
      '/app/admin/chains?done=chain-saved',
      (file) => setChain(file, form.unit, steps),
      (problems) => {
        const refused = refusedForm({ steps: steps.join(',') }, problems, { unit: '' }, form.unit);
        return this.render(res, user, refused, steps, 400);
      },
    );
  }

  private async render(
    res: Response,
    user: AuthUser,
    refused: AdminFormState | null,
    postedSteps: string[],
    status: number,
    done?: unknown,
  ): Promise<void> {
    const v = await this.pages.view(user.organisationId);
    const chainOf = new Map(
      v.directory.chains.map((c) => [c.unitId, c.positionIds.map((id) => v.positionCode(id))]),
    );
    const units = v.directory.units
      .filter((u) => u.active)
      .map((u) => {
        const mine = refused?.key === u.code;
        const current = chainOf.get(u.id) ?? [];
        const steps = mine ? postedSteps : current;
        // Two empty selects beyond the steps, to add a step, up to the file's limit.
        const slots = Math.min(MAX_STEPS, Math.max(steps.length + 2, 3));
        return {
          code: u.code,
          name: u.name,
          current: current.map((code) => v.positionChoices.find((p) => p.value === code)?.label ?? code),
          steps: Array.from({ length: slots }, (_, i) => ({ number: i + 1, value: steps[i] ?? '' })),
          form: mine ? { ...refused, open: true } : { values: {}, errors: {}, general: [], open: false },
        };
      });
    await this.pages.send(
      res,
      user,
      'admin-chains',
      'สายการบังคับบัญชา',
      { units, positionChoices: v.positionChoices },
      status,
      done,
    );
  }
}
