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
import { WebAdminPages } from './admin/web-admin-pages.service';
import { WebAwayPages } from './web-away-pages.service';
import { WebApproval } from './web-approval.service';
import { WebAssets } from './web-assets.service';
import { WebComposeService } from './web-compose.service';
import { WebExceptionFilter } from './web-exception.filter';
import { WebComposePage } from './drafting/web-compose-page.service';
import { WebNumberPreview } from './drafting/web-number-preview.service';
import { WEB_CONTROLLERS } from './web-routes';
import { WebShell } from './web-shell.service';
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
  // In route-matching order: see web-routes.ts.
  controllers: WEB_CONTROLLERS,
  providers: [
    WebViews,
    WebAssets,
    WebShell,
    WebComposeService,
    WebComposePage,
    WebNumberPreview,
    WebApproval,
    WebAdminPages,
    WebAwayPages,
    WebExceptionFilter,
  ],
})
export class WebModule {}
