import { Body, Controller, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import {
  OrganisationDirectoryService,
  OrganisationImportService,
  exportOrganisationFile,
  parseOrganisationFile,
  type OrganisationFileProblem,
  type OrganisationImportSummary,
} from '@saraban/organisation';
import { OrganisationFileForm } from '../forms/organisation-file.form';
import { WebPage } from '../web-page.mixin';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebShell } from '../web-shell.service';
import { WebViews } from '../web-views.service';

interface ShownProblem {
  line: number | null;
  field: string;
  message: string;
}

/** The lines around each problem, numbered, so the administrator sees it in place. */
function excerpts(
  source: string,
  problems: ShownProblem[],
): { line: number; text: string; bad: boolean }[][] {
  const lines = source.split(/\r\n|\r|\n/);
  return problems
    .filter((p) => p.line !== null)
    .slice(0, 10)
    .map((p) => {
      const at = p.line ?? 1;
      const from = Math.max(1, at - 2);
      const to = Math.min(lines.length, at + 2);
      const out: { line: number; text: string; bad: boolean }[] = [];
      for (let n = from; n <= to; n++) out.push({ line: n, text: lines[n - 1] ?? '', bad: n === at });
      return out;
    });
}

/** The administrator's organisation page: the structure as it stands, and its YAML file to edit and import. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('admin')
@Controller('app/admin')
export class WebAdminOrganisationController extends WebPage() {
  constructor(
    private readonly directory: OrganisationDirectoryService,
    private readonly importer: OrganisationImportService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {
    super();
  }

  protected async show(res: Response, user: AuthUser, done: unknown): Promise<void> {
    const source = exportOrganisationFile(await this.directory.toFile(user.organisationId));
    await this.render(res, user, source, [], null, done, 200);
  }

  @Post('organisation')
  async importFile(
    @CurrentUser() user: AuthUser,
    @Body() form: OrganisationFileForm,
    @Res() res: Response,
  ): Promise<void> {
    const source = form.source.replace(/\r\n?/g, '\n');
    try {
      const file = parseOrganisationFile(source);
      if (file.organisation.code !== user.organisationCode) {
        throw new AppException(ErrorCode.Forbidden, { organisation: file.organisation.code });
      }
      const summary = await this.importer.import(file, { onlyOrganisationId: user.organisationId });
      await this.render(
        res,
        user,
        exportOrganisationFile(await this.directory.toFile(user.organisationId)),
        [],
        summary,
        'imported',
        200,
      );
    } catch (err) {
      if (err instanceof AppException && err.code === ErrorCode.OrganisationFileInvalid) {
        const problems = Array.isArray(err.details) ? (err.details as OrganisationFileProblem[]) : [];
        await this.render(res, user, source, problems, null, undefined, 400);
        return;
      }
      if (err instanceof AppException && err.code === ErrorCode.OrganisationNameTaken) {
        // Its message names the organisation that already has the name.
        const problem = { field: 'organisation.name', line: null, message: err.message };
        await this.render(res, user, source, [problem], null, undefined, 409);
        return;
      }
      if (err instanceof AppException && err.code === ErrorCode.Forbidden) {
        const problem = {
          field: 'organisation.code',
          line: null,
          message: `ไฟล์นี้เป็นขององค์กรอื่น ต้องเป็น ${user.organisationCode}`,
        };
        await this.render(res, user, source, [problem], null, undefined, 400);
        return;
      }
      throw err;
    }
  }

  private async render(
    res: Response,
    user: AuthUser,
    source: string,
    problems: ShownProblem[],
    summary: OrganisationImportSummary | null,
    done: unknown,
    status: number,
  ): Promise<void> {
    const d = await this.directory.directory(user.organisationId);
    const position = new Map(d.positions.map((p) => [p.id, p]));
    const unit = new Map(d.units.map((u) => [u.id, u]));
    const person = new Map(d.people.map((p) => [p.id, p]));
    const shell = await this.shell.context(user, 'admin', 'ผู้ดูแลระบบ', done);
    this.views.send(
      res,
      'admin',
      {
        ...shell,
        org: d.organisation,
        units: d.units.filter((u) => u.active),
        positions: d.positions
          .filter((p) => p.active)
          .map((p) => ({ ...p, unitName: p.unitId ? unit.get(p.unitId)?.name : null })),
        people: d.people.map((p) => ({
          ...p,
          unitName: p.unitId ? unit.get(p.unitId)?.name : null,
          positionTitles: p.positionIds.map((id) => position.get(id)?.title ?? ''),
        })),
        chains: d.chains.map((c) => ({
          unitName: unit.get(c.unitId)?.name ?? '',
          steps: c.positionIds.map((id) => position.get(id)?.title ?? ''),
        })),
        actingOrders: d.actingOrders.map((o) => ({
          ...o,
          personName: person.get(o.personId)
            ? `${person.get(o.personId)?.prefix}${person.get(o.personId)?.fullName}`
            : '',
          positionTitle: position.get(o.positionId)?.title ?? '',
        })),
        source,
        problems,
        excerpts: excerpts(source, problems),
        summary,
      },
      status,
    );
  }
}
