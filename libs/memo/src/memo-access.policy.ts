import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '@saraban/auth';
import { isCopyRecipient } from './memo-search.repository';
import type { MemoStatus } from './memo-vocabulary';

/** What access is decided on: the memo's identity, organisation, author and status. */
export interface MemoAccessSubject {
  id: string;
  organisationId: string;
  authorId: string;
  status: MemoStatus;
}

/** What the caller may do with one memo of their own organisation. */
export type MemoAccess = 'edit' | 'read' | 'none';

/**
 * An extra reason to let someone read a memo, e.g. being on its approval route. The approval
 * engine registers one with `MemoAccessPolicy.addReadGrant()`; grants never give edit rights.
 */
export type MemoReadGrant = (user: AuthUser, memo: MemoAccessSubject) => Promise<boolean> | boolean;

/**
 * The one place that decides who may see and change a memo. Callers have already filtered on the
 * caller's organisation (another organisation's memo is not found at all, answered 404).
 * - the author edits (the status decides separately whether the content can change);
 * - clerks and admins read every memo of their organisation;
 * - once submitted, the people it is copied to (สำเนาเรียน, by name or unit) read it;
 * - a registered grant may let others read;
 * - anyone else may not even learn the memo exists (404).
 */
@Injectable()
export class MemoAccessPolicy {
  private readonly readGrants: MemoReadGrant[] = [];

  constructor(private readonly db: DataSource) {}

  addReadGrant(grant: MemoReadGrant): void {
    this.readGrants.push(grant);
  }

  async accessOf(user: AuthUser, memo: MemoAccessSubject): Promise<MemoAccess> {
    if (memo.organisationId !== user.organisationId) return 'none';
    if (memo.authorId === user.personId) return 'edit';
    if (user.roles.includes('clerk') || user.roles.includes('admin')) return 'read';
    if (
      memo.status !== 'draft' &&
      (await isCopyRecipient(this.db, memo.organisationId, memo.id, user.personId))
    )
      return 'read';
    for (const grant of this.readGrants) {
      if (await grant(user, memo)) return 'read';
    }
    return 'none';
  }

  /** Whether the caller may list every memo of the organisation, not only their own. */
  canListOrganisation(user: AuthUser): boolean {
    return user.roles.includes('clerk') || user.roles.includes('admin');
  }
}
