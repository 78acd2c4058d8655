import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { ApprovalModule } from '@saraban/approval';
import { AuthModule } from '@saraban/auth';
import { CertificatesModule } from '@saraban/certificates';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { AwayModule } from '@saraban/away';
import { DeadlinesApiModule } from '@saraban/deadlines';
import { MemoModule } from '@saraban/memo';
import { NotificationApiModule } from '@saraban/notification';
import { OrganisationModule } from '@saraban/organisation';
import { PipelineApiModule } from '@saraban/pipeline';
import { PublicationModule } from '@saraban/publication';
import { RegisterModule } from '@saraban/register';
import { WebAdminController } from './web-admin.controller';
import { WebApprovalController } from './web-approval.controller';
import { WebApproval } from './web-approval.service';
import { WebAssetsController } from './web-assets.controller';
import { WebAssets } from './web-assets.service';
import { WebAuthController } from './web-auth.controller';
import { WebAwayController } from './web-away.controller';
import { WebDocumentsController } from './web-documents.controller';
import { WebComposeService } from './web-compose.service';
import { WebExceptionFilter } from './web-exception.filter';
import { WebHomeController } from './web-home.controller';
import { WebMemoController } from './web-memo.controller';
import { WebPortalController } from './web-portal.controller';
import { WebProfileController } from './web-profile.controller';
import { WebRegisterController } from './web-register.controller';
import { WebNotFoundController } from './web-not-found.controller';
import { WebAdminNotificationsController } from './web-admin-notifications.controller';
import { WebNotificationSettingsController } from './web-notification-settings.controller';
import { WebNotificationsController } from './web-notifications.controller';
import { WebShell } from './web-shell.service';
import { WebStuckController } from './web-stuck.controller';
import { WebViews } from './web-views.service';

/**
 * The browser interface under /app: server-rendered Thai pages over the same services as the JSON
 * API, enhanced by one small script. Left out of OpenAPI: these are pages, not API.
 */
@Module({
  imports: [
    AuthModule,
    ApprovalModule,
    DeadlinesApiModule,
    AwayModule,
    OrganisationModule,
    MemoModule,
    PublicationModule,
    RegisterModule,
    CertificatesModule,
    // The unread count in every page's navigation, the notification pages.
    NotificationApiModule,
    // Where each decided memo's document stands (DocumentStatusService).
    PipelineApiModule,
    // The same upload limits as the memo API's: the bytes go to the same service.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.ATTACHMENT_MAX_BYTES, files: 1, fields: 5, fieldSize: 16 * 1024 },
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [
    WebAssetsController,
    WebAuthController,
    WebHomeController,
    WebMemoController,
    WebApprovalController,
    WebAwayController,
    WebRegisterController,
    WebAdminController,
    WebDocumentsController,
    WebStuckController,
    WebPortalController,
    WebProfileController,
    WebNotificationsController,
    WebNotificationSettingsController,
    WebAdminNotificationsController,
    // Last: catches every other /app address.
    WebNotFoundController,
  ],
  providers: [WebViews, WebAssets, WebShell, WebComposeService, WebApproval, WebExceptionFilter],
})
export class WebModule {}
