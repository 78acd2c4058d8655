import { Body, Controller, Post, Res, UploadedFile, UseFilters, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { CertificateService } from '@saraban/certificates';
import { IMAGE_MAX_BYTES, OrganisationImagesService } from '@saraban/organisation';
import { OitCatalogueService } from '@saraban/publication';
import { fiscalYearOf } from '@saraban/thai-format';
import { submitForm } from '../forms/form-post.util';
import { CatalogueForm } from '../forms/catalogue.form';
import { CertificateForm } from '../forms/certificate.form';
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
    @Body() form: CertificateForm,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (!file || file.size === 0) {
      await this.renderCertificate(res, user, 'กรุณาเลือกไฟล์ใบรับรอง (.p12 หรือ .pfx)', undefined, 400);
      return;
    }
    await submitForm(
      res,
      async () => {
        await this.certificates.install(user.organisationId, file.buffer, form.password ?? '');
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
    @Body() form: CatalogueForm,
    @Res() res: Response,
  ): Promise<void> {
    const fiscalYear = Number(form.fiscalYear);
    const items = form.items
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [code, ...title] = line.split(/\s+/);
        return { code, title: title.join(' ') };
      });
    const bad = items.find((i) => !/^o\d{1,3}$/.test(i.code) || !i.title);
    if (!Number.isInteger(fiscalYear) || fiscalYear < 2484 || bad || items.length === 0) {
      const why = bad
        ? `บรรทัด "${bad.code} ${bad.title}" ต้องเป็นรหัส เช่น o28 ตามด้วยชื่อหมวด`
        : 'กรุณากรอกปีงบประมาณและหมวดข้อมูล';
      await this.renderCertificate(res, user, why, undefined, 400);
      return;
    }
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
