import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { AuthUser } from '@saraban/auth';
import { OrganisationDirectoryService, type OrganisationDirectory } from '@saraban/organisation';
import { WebShell } from '../web-shell.service';
import { WebViews } from '../web-views.service';

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

/** What every admin page shares: the directory with its lookups, and sending the page in the shell. */
@Injectable()
export class WebAdminPages {
  constructor(
    private readonly directory: OrganisationDirectoryService,
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
