import { Module } from '@nestjs/common';
import { AuthModule } from '@saraban/auth';
import { OrganisationModule } from '@saraban/organisation';
import { WebAssetsController } from './web-assets.controller';
import { WebAssets } from './web-assets.service';
import { WebAuthController } from './web-auth.controller';
import { WebExceptionFilter } from './web-exception.filter';
import { WebHomeController } from './web-home.controller';
import { WebShell } from './web-shell.service';
import { WebViews } from './web-views.service';

/**
 * The browser interface under /app: server-rendered Thai pages over the same services as the JSON
 * API, enhanced by one small script. Left out of OpenAPI: these are pages, not API.
 */
@Module({
  imports: [AuthModule, OrganisationModule],
  controllers: [WebAssetsController, WebAuthController, WebHomeController],
  providers: [WebViews, WebAssets, WebShell, WebExceptionFilter],
})
export class WebModule {}
