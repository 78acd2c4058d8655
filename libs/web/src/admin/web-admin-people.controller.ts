import { Body, Controller, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, SessionService, type AuthUser } from '@saraban/auth';
import {
  addPerson,
  generatedPassword,
  OrganisationEditService,
  ROLES,
  setPassword,
  setPersonActive,
} from '@saraban/organisation';
import { listOf, PasswordResetForm, PersonActiveForm, PersonForm } from '../forms/admin.forms';
import { ROLE_LABELS } from '../web-labels';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebPage } from '../web-page.mixin';
import { emptyForm, refusedForm, type AdminFormState } from './web-admin-forms';
import { WebAdminPages } from './web-admin-pages.service';

interface PeoplePageForms {
  addPerson?: AdminFormState;
  /** A row's form that was refused (password or status). */
  person?: AdminFormState;
}

/** A password handed over once, on the page that set it (never in an address or a log). */
interface ShownPassword {
  name: string;
  username: string;
  password: string;
}

/** The administrator's choice: a password the system makes and shows once, or one typed. */
function chosenPassword(
  choice: string | undefined,
  typed: string | undefined,
): { password: string; shown: boolean } {
  return choice === 'set'
    ? { password: typed ?? '', shown: false }
    : { password: generatedPassword(), shown: true };
}

/** People: add with a unit and a post, reset a password, deactivate (each change goes through the organisation file). */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('admin')
@Controller('app/admin/people')
export class WebAdminPeopleController extends WebPage() {
  constructor(
    private readonly edits: OrganisationEditService,
    private readonly sessions: SessionService,
    private readonly pages: WebAdminPages,
  ) {
    super();
  }

  protected show(res: Response, user: AuthUser, done: unknown): Promise<void> {
    return this.render(res, user, {}, null, 200, done);
  }

  @Post()
  async add(@CurrentUser() user: AuthUser, @Body() form: PersonForm, @Res() res: Response): Promise<void> {
    const { password, shown } = chosenPassword(form.passwordChoice, form.password);
    const input = {
      username: form.username,
      prefix: form.prefix ?? '',
      fullName: form.fullName ?? '',
      unit: form.unit ?? '',
      position: form.position ?? '',
      roles: listOf(form.roles),
      password,
    };
    const result = await this.edits.edit(user.organisationId, (file) => addPerson(file, input));
    if (!result.ok) {
      // The typed password is not sent back: the administrator types it again.
      const values = { ...input, password: '', passwordChoice: form.passwordChoice ?? 'generate' };
      const refused = refusedForm(values, result.problems, { positions: 'position', roles: 'roles' });
      await this.render(res, user, { addPerson: refused }, null, 400);
      return;
    }
    if (!shown) return res.redirect(303, '/app/admin/people?done=person-added');
    const name = `${input.prefix.trim()}${input.fullName.trim()}`;
    await this.render(
      res,
      user,
      {},
      { name, username: input.username.trim(), password },
      200,
      'person-added',
    );
  }

  @Post('password')
  async resetPassword(
    @CurrentUser() user: AuthUser,
    @Body() form: PasswordResetForm,
    @Res() res: Response,
  ): Promise<void> {
    const { password, shown } = chosenPassword(form.passwordChoice, form.password);
    const result = await this.edits.edit(user.organisationId, (file) =>
      setPassword(file, form.username, password),
    );
    if (!result.ok) {
      const values = { password: '', passwordChoice: form.passwordChoice ?? 'generate' };
      const refused = refusedForm(values, result.problems, { username: '' }, form.username);
      await this.render(res, user, { person: refused }, null, 400);
      return;
    }
    const person = (await this.pages.view(user.organisationId)).directory.people.find(
      (p) => p.username === form.username,
    );
    // Whoever was signed in with the old password is signed out (unless it is the administrator's own, here).
    if (person && person.id !== user.personId) await this.sessions.endAll(person.id);
    if (!shown) return res.redirect(303, '/app/admin/people?done=password-set');
    const name = person ? `${person.prefix}${person.fullName}` : form.username;
    await this.render(res, user, {}, { name, username: form.username, password }, 200, 'password-set');
  }

  @Post('active')
  async setActive(
    @CurrentUser() user: AuthUser,
    @Body() form: PersonActiveForm,
    @Res() res: Response,
  ): Promise<void> {
    const active = form.active === 'true';
    if (!active && form.username === user.username) {
      const refused = refusedForm({}, [{ field: '', message: 'ปิดใช้งานบัญชีของตนเองไม่ได้' }], {}, form.username);
      await this.render(res, user, { person: refused }, null, 400);
      return;
    }
    await this.pages.save(
      res,
      user,
      `/app/admin/people?done=${active ? 'person-activated' : 'person-deactivated'}`,
      (file) => setPersonActive(file, form.username, active),
      (problems) => {
        const refused = refusedForm({}, problems, { username: '' }, form.username);
        return this.render(res, user, { person: refused }, null, 400);
      },
    );
  }

  private async render(
    res: Response,
    user: AuthUser,
    forms: PeoplePageForms,
    shownPassword: ShownPassword | null,
    status: number,
    done?: unknown,
  ): Promise<void> {
    const v = await this.pages.view(user.organisationId);
    const add = forms.addPerson ?? emptyForm({ passwordChoice: 'generate' });
    const chosenRoles = new Set((add.values.roles ?? 'officer').split(','));
    await this.pages.send(
      res,
      user,
      'admin-people',
      'บุคลากร',
      {
        people: v.directory.people.map((p) => {
          const posted = forms.person?.key === p.username ? forms.person : undefined;
          return {
            username: p.username,
            name: `${p.prefix}${p.fullName}`,
            unitName: v.unitName(p.unitId),
            positionTitles: p.positionIds.map((id) => v.positionTitle(id)),
            roles: p.roles,
            active: p.active,
            isSelf: p.id === user.personId,
            form: posted
              ? { ...posted, open: true }
              : { ...emptyForm({ passwordChoice: 'generate' }), open: false },
          };
        }),
        unitChoices: v.unitChoices,
        positionChoices: v.positionChoices,
        roleChoices: ROLES.map((r) => ({
          value: r,
          label: ROLE_LABELS[r] ?? r,
          checked: chosenRoles.has(r),
        })),
        forms: { addPerson: add },
        shownPassword,
      },
      status,
      done,
    );
  }
}
