import type { ActingKind } from './entities/acting-order.entity';
import type { DigitPreference } from './entities/organisation.entity';
import type { Role } from './entities/person.entity';
import type { WorkingTimeSettings } from './working-time/working-time-settings';

/*
 * The organisation as it is read outside the library (GET /organisation, the web's pages): each
 * row's columns in the entity's declaration order, the order the API has always answered them;
 * the columns never selected (name key, password hash, emblem and signature bytes) are not here.
 */

export interface OrganisationView {
  id: string;
  code: string;
  name: string;
  registerCode: string;
  digits: DigitPreference;
  workingTime: WorkingTimeSettings;
  awayRequiresApproval: boolean;
  publicUrl: string | null;
  printJustify: boolean;
  printContinuationWord: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface UnitView {
  id: string;
  organisationId: string;
  code: string;
  name: string;
  phone: string | null;
  active: boolean;
}

export interface PositionView {
  id: string;
  organisationId: string;
  code: string;
  title: string;
  endorsementHeading: string | null;
  unitId: string | null;
  active: boolean;
}

export interface PersonView {
  id: string;
  organisationId: string;
  username: string;
  prefix: string;
  fullName: string;
  roles: Role[];
  unitId: string | null;
  active: boolean;
  createdAt: Date;
}

export interface ActingOrderView {
  id: string;
  organisationId: string;
  personId: string;
  positionId: string;
  kind: ActingKind;
  /** Bangkok calendar days, inclusive. */
  fromDate: string;
  toDate: string | null;
  reference: string;
  /** The away notice the order came from; null for the orders of the organisation file. */
  awayNoticeId: string | null;
}

export interface OrganisationDirectory {
  organisation: OrganisationView;
  units: UnitView[];
  positions: PositionView[];
  /** Each with the posts held, the primary one first. */
  people: (PersonView & { positionIds: string[] })[];
  chains: { unitId: string; positionIds: string[] }[];
  actingOrders: ActingOrderView[];
}
