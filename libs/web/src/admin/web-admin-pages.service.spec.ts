import type { Response } from 'express';
import type { AuthUser } from '@saraban/auth';
import type {
  OrganisationDirectoryService,
  OrganisationEdit,
  OrganisationEditProblem,
  OrganisationEditService,
  OrganisationFile,
} from '@saraban/organisation';
import type { WebShell } from '../web-shell.service';
import type { WebViews } from '../web-views.service';
import { WebAdminPages } from './web-admin-pages.service';

const user = { organisationId: 'org-1' } as AuthUser;
const FILE = {} as OrganisationFile;
const EDIT: OrganisationEdit = { at: ['units', 0] };

/** The pages over fakes: `edit` answers what the test says, after running the change on an empty file. */
function setup(answer: { ok: true } | { ok: false; problems: OrganisationEditProblem[] }) {
  const redirects: [number, string][] = [];
  const res = { redirect: (status: number, location: string) => redirects.push([status, location]) };
  const edits = {
    edit: jest.fn((_org: string, change: (file: OrganisationFile) => unknown) => {
      change(FILE);
      return Promise.resolve(answer);
    }),
  };
  const directory = {
    directory: jest.fn(() =>
      Promise.resolve({ units: [], positions: [], people: [], organisation: { digits: 'arabic' } }),
    ),
  };
  const pages = new WebAdminPages(
    directory as unknown as OrganisationDirectoryService,
    edits as unknown as OrganisationEditService,
    {} as WebShell,
    {} as WebViews,
  );
  return { pages, res: res as unknown as Response, redirects, edits };
}

describe('WebAdminPages.save (an organisation-file form: 303 when saved, the page again when refused)', () => {
  it('saved: sends the browser to the page with its confirmation', async () => {
    const { pages, res, redirects, edits } = setup({ ok: true });
    const change = jest.fn(() => EDIT);
    const refused = jest.fn();
    await pages.save(res, user, '/app/admin/units?done=unit-added', change, refused);
    expect(edits.edit).toHaveBeenCalledWith('org-1', change);
    expect(change).toHaveBeenCalledWith(FILE);
    expect(redirects).toEqual([[303, '/app/admin/units?done=unit-added']]);
    expect(refused).not.toHaveBeenCalled();
  });

  it('refused: hands the problems to the page, without redirecting', async () => {
    const problems = [{ field: 'name', message: 'กรุณากรอกชื่อ' }];
    const { pages, res, redirects } = setup({ ok: false, problems });
    const refused = jest.fn(() => Promise.resolve());
    await pages.save(res, user, '/app/admin/units?done=unit-added', () => EDIT, refused);
    expect(refused).toHaveBeenCalledWith(problems);
    expect(redirects).toEqual([]);
  });
});

describe('WebAdminPages.saveWithDays (a form that types days)', () => {
  it('gives the change the typed days as ISO days', async () => {
    const { pages, res, redirects } = setup({ ok: true });
    const change = jest.fn(() => EDIT);
    await pages.saveWithDays(
      res,
      user,
      '/x?done=y',
      { from: '1/12/2569', to: '' },
      ['from'],
      change,
      jest.fn(),
    );
    expect(change).toHaveBeenCalledWith(FILE, { from: '2026-12-01', to: '' });
    expect(redirects).toEqual([[303, '/x?done=y']]);
  });

  it('refuses a day that is not a date, or a required one left empty, before the file is touched', async () => {
    const { pages, res, redirects, edits } = setup({ ok: true });
    const refused = jest.fn(() => Promise.resolve());
    await pages.saveWithDays(res, user, '/x', { from: '', to: 'พรุ่งนี้' }, ['from'], () => EDIT, refused);
    expect(edits.edit).not.toHaveBeenCalled();
    expect(redirects).toEqual([]);
    const [problems] = refused.mock.calls[0] as unknown as [OrganisationEditProblem[]];
    expect(problems.map((p) => p.field)).toEqual(['from', 'to']);
  });
});
