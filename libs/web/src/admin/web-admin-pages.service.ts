import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '@saraban/auth';
import {
  OrganisationDirectoryService,
  OrganisationEditService,
  type OrganisationDirectory,
  type OrganisationEdit,
  type OrganisationEditProblem,
  type OrganisationFile,
} from '@saraban/organisation';
import { WebShell } from '../web-shell.service';
import { WebViews } from '../web-views.service';
import { typedDays } from './typed-days.util';

/** The organisation as the admin pages list it: names beside ids, active items only where a choice is made. */
export interface AdminDirectoryView {
  directory: OrganisationDirectory;
  unitName: (id: string | null) => string;
  positionTitle: (id: string) => string;
  personName: (id: string) => string;
  unitCode: (id: string | null) => string;
  positionCode: (id: string) => string;
  username: (id: string) => string;
  /** Choices for a <select>: active units and posts, by code. */
  unitChoices: { value: string; label: string }[];
  positionChoices: { value: string; label: string }[];
  personChoices: { value: string; label: string }[];
}

/** Shows the admin page again after a refused form, with the problems the edit found. */
export type RefusedEdit = (problems: OrganisationEditProblem[]) => Promise<void>;

/**
 * What every admin page shares: the directory with its lookups, a form's change to the
 * organisation file, and sending the page in the shell.
 */
@Injectable()
export class WebAdminPages {
  constructor(
    private readonly directory: OrganisationDirectoryService,
    private readonly edits: OrganisationEditService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {}

  async view(organisationId: string): Promise<AdminDirectoryView> {
    const d = await this.directory.directory(organisationId);
    const unit = new Map(d.units.map((u) => [u.id, u]));
    const position = new Map(d.positions.map((p) => [p.id, p]));
    const person = new Map(d.people.map((p) => [p.id, p]));
    return {
      directory: d,
      unitName: (id) => (id ? (unit.get(id)?.name ?? '') : ''),
      unitCode: (id) => (id ? (unit.get(id)?.code ?? '') : ''),
      positionTitle: (id) => position.get(id)?.title ?? '',
      positionCode: (id) => position.get(id)?.code ?? '',
      personName: (id) => {
        const p = person.get(id);
        return p ? `${p.prefix}${p.fullName}` : '';
      },
      username: (id) => person.get(id)?.username ?? '',
      unitChoices: d.units.filter((u) => u.active).map((u) => ({ value: u.code, label: u.name })),
      positionChoices: d.positions
        .filter((p) => p.active)
        .map((p) => ({
          value: p.code,
          label: p.unitId ? `${p.title} (${unit.get(p.unitId)?.name ?? ''})` : p.title,
        })),
      personChoices: d.people
        .filter((p) => p.active)
        .map((p) => ({ value: p.username, label: `${p.prefix}${p.fullName}` })),
    };
  }

  /**
   * One form's change to the organisation file (Post/Redirect/Get): saved, the browser goes to
   * `location` with a 303; refused, `refused` shows the page again with the problems.
   */
  async save(
    res: Response,
    user: AuthUser,
    location: string,
    change: (file: OrganisationFile) => OrganisationEdit,
    refused: RefusedEdit,
  ): Promise<void> {
    const result = await this.edits.edit(user.organisationId, change);
    if (result.ok) return res.redirect(303, location);
    await refused(result.problems);
  }

  /**
   * `save` for a form that types days ("๑/๑๒/๒๕๖๙"): a day that is not a date, or a required one
   * left empty, refuses the form before the file is touched; `change` gets the days as ISO days.
   */
  async saveWithDays<K extends string>(
    res: Response,
    user: AuthUser,
    location: string,
    typed: Record<K, string | undefined>,
    required: readonly NoInfer<K>[],
    change: (file: OrganisationFile, days: Record<K, string>) => OrganisationEdit,
    refused: RefusedEdit,
  ): Promise<void> {
    const digits = (await this.view(user.organisationId)).directory.organisation.digits;
    const { days, problems } = typedDays(typed, required, digits);
    if (problems.length > 0) return refused(problems);
    await this.save(res, user, location, (file) => change(file, days), refused);
  }

  async send(
    res: Response,
    user: AuthUser,
    page: string,
    title: string,
    data: object,
    status: number,
    done?: unknown,
  ): Promise<void> {
    const shell = await this.shell.context(user, 'admin', title, done);
    this.views.send(res, page, { ...shell, ...data }, status);
  }
}
