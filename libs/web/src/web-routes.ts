import type { Type } from '@nestjs/common';
import { WebAdminActingController } from './admin/web-admin-acting.controller';
import { WebAdminCertificateController } from './admin/web-admin-certificate.controller';
import { WebAdminChainsController } from './admin/web-admin-chains.controller';
import { WebAdminHolidaysController } from './admin/web-admin-holidays.controller';
import { WebAdminOrganisationController } from './admin/web-admin-organisation.controller';
import { WebAdminPeopleController } from './admin/web-admin-people.controller';
import { WebAdminUnitsController } from './admin/web-admin-units.controller';
import { WebApprovalController } from './web-approval.controller';
import { WebAssetsController } from './web-assets.controller';
import { WebAuthController } from './web-auth.controller';
import { WebAdminAwayController, WebAwayController } from './web-away.controller';
import { WebAdminNotificationsController } from './web-admin-notifications.controller';
import { WebNotificationSettingsController } from './web-notification-settings.controller';
import { WebNotificationsController } from './web-notifications.controller';
import { WebAttachmentsController } from './drafting/web-attachments.controller';
import { WebComposeController } from './drafting/web-compose.controller';
import { WebSubmissionController } from './drafting/web-submission.controller';
import { WebDocumentsController } from './web-documents.controller';
import { WebHomeController } from './web-home.controller';
import { WebMemoPageController } from './web-memo-page.controller';
import { WebNotFoundController } from './web-not-found.controller';
import { WebPortalController } from './web-portal.controller';
import { WebProfileController } from './web-profile.controller';
import { WebRegisterController } from './web-register.controller';
import { WebSearchController } from './web-search.controller';
import { WebStuckController } from './web-stuck.controller';

/**
 * The web controllers in the order Express matches their routes. Nest registers routes controller
 * by controller in this order, so the order is written here rather than left to imports:
 * - fixed addresses before the parameterised ones they would otherwise match: /app/memos/new
 *   (compose) and /app/memos/mine (memo pages, listed first there) before /app/memos/:id;
 * - the catch-all for unknown /app addresses last.
 */
export const WEB_CONTROLLERS: Type[] = [
  WebAssetsController,
  WebAuthController,
  WebHomeController,
  // /app/search, /app/acted, /app/copies
  WebSearchController,
  // /app/memos/new, POST /app/memos, /app/memos/:id/edit, /app/memos/:id/delete
  WebComposeController,
  // /app/memos/:id/attachments/…
  WebAttachmentsController,
  // /app/memos/:id/submit (the confirmation; the POST is an approval command below)
  WebSubmissionController,
  // /app/memos/mine, then /app/memos/:id
  WebMemoPageController,
  WebApprovalController,
  WebAwayController,
  WebAdminAwayController,
  WebRegisterController,
  // The administrator's pages, one controller per area, all fixed addresses under /app/admin:
  // the organisation and its file (/app/admin, /app/admin/organisation) …
  WebAdminOrganisationController,
  // … units and posts, people, chains, acting orders, days off (forms that edit the same file) …
  WebAdminUnitsController,
  WebAdminPeopleController,
  WebAdminChainsController,
  WebAdminActingController,
  WebAdminHolidaysController,
  // … and what the documents carry: certificate, emblem, publication catalogue.
  WebAdminCertificateController,
  WebDocumentsController,
  WebStuckController,
  WebPortalController,
  WebProfileController,
  WebNotificationsController,
  WebNotificationSettingsController,
  WebAdminNotificationsController,
  // Last: catches every other /app address.
  WebNotFoundController,
];
