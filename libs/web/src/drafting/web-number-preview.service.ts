import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@saraban/auth';
import { OrganisationDirectoryService } from '@saraban/organisation';
import { OUTGOING_REGISTER, RegisterService } from '@saraban/register';
import { applyDigits, bangkokCalendarYear, formatThaiDate } from '@saraban/thai-format';

/** The ที่ and the date a submission now would print, as the organisation prints them. */
export interface NumberPreview {
  documentNo: string;
  datedOn: string;
}

/**
 * What number a submission would take if nobody else submits first: the outgoing register's
 * next number this (Bangkok calendar) year, with the organisation's code and digits. A preview for
 * the writer's confirmation only; the register hands out the real number inside the submission.
 */
@Injectable()
export class WebNumberPreview {
  constructor(
    private readonly directory: OrganisationDirectoryService,
    private readonly register: RegisterService,
  ) {}

  async next(user: AuthUser, now = new Date()): Promise<NumberPreview> {
    const org = await this.directory.byCode(user.organisationCode);
    const year = await this.register.yearSummary(org.id, OUTGOING_REGISTER, bangkokCalendarYear(now));
    return {
      documentNo: applyDigits(`${org.registerCode}/${year.nextNumber}`, org.digits),
      datedOn: formatThaiDate(now, org.digits),
    };
  }
}
