import { Body, Controller, Post, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { CertificateService, certificateInputSchemas } from '@saraban/certificates';
import { IMAGE_MAX_BYTES, OrganisationImagesService } from '@saraban/organisation';
import { OitCatalogueService } from '@saraban/publication';
import { fiscalYearOf } from '@saraban/thai-format';
import { submitForm } from '../forms/form-post.util';
import { readCatalogueForm } from '../forms/catalogue.form';
import { readSchemaForm } from '../forms/schema-form.util';
import { WebPage } from '../web-page.mixin';
import { WebExceptionFilter } from '../web-exception.filter';
import { WebShell } from '../web-shell.service';
import { WebViews } from '../web-views.service';

/** The organisation's signing certificate, its emblem and its publication catalogue: what its documents carry. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Roles('admin')
@Controller('app/admin')
export class WebAdminCertificateController extends WebPage('certificate') {
  constructor(
    private readonly certificates: CertificateService,
    private readonly images: OrganisationImagesService,
    private readonly catalogue: OitCatalogueService,
    private readonly shell: WebShell,
    private readonly views: WebViews,
  ) {
    super();
  }

  protected show(res: Response, user: AuthUser, done: unknown): Promise<void> {
    return this.renderCertificate(res, user, null, done, 200);
  }

  @Post('certificate')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 256 * 1024, files: 1 } }))
  async installCertificate(
    @CurrentUser() user: AuthUser,
    @Body() posted: unknown,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const form = readSchemaForm(certificateInputSchemas.install, posted, { verbatim: ['password'] });
    if (!file || file.size === 0 || !form.ok) {
      const problem = form.ok ? 'กรุณาเลือกไฟล์ใบรับรอง (.p12 หรือ .pfx)' : form.problem;
      await this.renderCertificate(res, user, problem, undefined, 400);
      return;
    }
    await submitForm(
      res,
      async () => {
        await this.certificates.install(user.organisationId, file.buffer, form.body.password);
        return '/app/admin/certificate?done=certificate';
      },
      async (err) => {
        await this.renderCertificate(res, user, err.message, undefined, err.status);
      },
    );
  }

  @Post('emblem')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMAGE_MAX_BYTES + 1, files: 1 } }))
  async setEmblem(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Res() res: Response,
  ): Promise<void> {
    await submitForm(
      res,
      async () => {
        await this.images.setEmblem(user.organisationId, file?.buffer);
        return '/app/admin/certificate?done=emblem';
      },
      async (err) => {
        await this.renderCertificate(res, user, err.message, undefined, err.status);
      },
    );
  }

  /** Publication settings: the open-data (OIT) catalogue of a fiscal year, one "code title" a line. */
  @Post('catalogue')
  async setCatalogue(
    @CurrentUser() user: AuthUser,
    @Body() posted: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const form = readCatalogueForm(posted);
    if (!form.ok) {
      await this.renderCertificate(res, user, form.problem, undefined, 400);
      return;
    }
    const { fiscalYear, items } = form.body;
    await this.catalogue.setYear(user.organisationId, fiscalYear, items);
    res.redirect(303, `/app/admin/certificate?done=catalogue&fy=${fiscalYear}`);
  }

  private async renderCertificate(
    res: Response,
    user: AuthUser,
    error: string | null,
    done: unknown,
    status: number,
  ): Promise<void> {
    const certificate = await this.certificates.info(user.organisationId);
    const shell = await this.shell.context(user, 'admin', 'ใบรับรองอิเล็กทรอนิกส์', done);
    const expired = certificate ? certificate.validTo.getTime() < Date.now() : false;
    const hasEmblem = await this.images.hasEmblem(user.organisationId);
    const fiscalYear = fiscalYearOf(new Date());
    const catalogue = await this.catalogue.forYear(user.organisationId, fiscalYear);
    const catalogueText = catalogue.items.map((i) => `${i.code} ${i.title}`).join('\n');
    this.views.send(
      res,
      'admin-certificate',
      {
        ...shell,
        certificate,
        expired,
        error,
        hasEmblem,
        fiscalYear,
        catalogueText,
        catalogueIsDefault: catalogue.isDefault,
      },
      status,
    );
  }
}
