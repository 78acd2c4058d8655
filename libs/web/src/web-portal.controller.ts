import {
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, RateLimitPerAddress, VERIFY_UPLOAD_LIMIT } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import {
  OitCatalogueService,
  PublicationService,
  VerificationService,
  type VerificationResult,
} from '@saraban/publication';
import { fiscalYearLabel, fiscalYearOf, formatThaiDate } from '@saraban/thai-format';
import { WebExceptionFilter } from './web-exception.filter';
import { WebViews } from './web-views.service';

const STATUS = { published: 'เผยแพร่', withdrawn: 'ถอนการเผยแพร่แล้ว', replaced: 'มีฉบับใหม่แทน' } as const;
const ROLE = { author: 'ผู้เสนอ', endorsement: 'ความเห็น', decision: 'คำสั่ง' } as const;

/** A malformed document id is a missing document (a Thai page), not a validation error. */
const DOCUMENT_ID = new ParseUUIDPipe({ exceptionFactory: () => new AppException(ErrorCode.NotFound) });

/** The code under the QR as people copy it from paper: any case, with spaces or dashes. */
function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]+/g, '').toUpperCase();
}

const CODE_NOT_FOUND = 'ไม่พบเอกสารที่มีรหัสตรวจสอบนี้ กรุณาตรวจรหัสใต้คิวอาร์โค้ดอีกครั้ง';

/** Pages for citizens: the organisation's published documents and the verification of a PDF. No sign-in. */
@ApiExcludeController()
@Public()
@UseFilters(WebExceptionFilter)
@Controller()
export class WebPortalController {
  constructor(
    private readonly views: WebViews,
    private readonly publications: PublicationService,
    private readonly catalogue: OitCatalogueService,
    private readonly verification: VerificationService,
  ) {}

  @Get('p/:org')
  async portal(
    @Param('org') orgCode: string,
    @Query('fy') fy: string | undefined,
    @Query('item') item: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const org = await this.publications.organisationByCode(orgCode);
    const current = fiscalYearOf(new Date());
    const fiscalYear = /^\d{4}$/.test(fy ?? '') ? Number(fy) : current;
    const oitItem = /^o\d{1,3}$/.test(item ?? '') ? item : undefined;
    const [listing, years, catalogue] = await Promise.all([
      this.publications.listPublic(orgCode, { fiscalYear, oitItem }),
      this.publications.fiscalYears(orgCode),
      this.catalogue.forYear(org.id, fiscalYear),
    ]);
    const titles = new Map(catalogue.items.map((i) => [i.code, i.title]));
    this.views.send(res, 'portal', {
      title: `เอกสารเผยแพร่ ${org.name}`,
      organisationName: org.name,
      org: { code: org.code, name: org.name },
      fiscalYear,
      fiscalYearLabel: fiscalYearLabel(fiscalYear, 'arabic'),
      years: [...new Set([current, ...years])]
        .sort((a, b) => b - a)
        .map((y) => ({ value: y, label: fiscalYearLabel(y, 'arabic'), selected: y === fiscalYear })),
      items: catalogue.items.map((i) => ({ ...i, selected: i.code === oitItem })),
      documents: listing.items.map((d) => ({
        ...d,
        stateWord: STATUS[d.status],
        itemTitle: d.oitItem ? (titles.get(d.oitItem) ?? d.oitItem) : null,
      })),
    });
  }

  @Get('p/:org/documents/:id')
  async document(
    @Param('org') orgCode: string,
    @Param('id', DOCUMENT_ID) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const org = await this.publications.organisationByCode(orgCode);
    const { publication, history } = await this.publications.getPublic(orgCode, id);
    const listed = await this.publications.listPublic(orgCode, { fiscalYear: publication.fiscalYear });
    const code = listed.items.find((i) => i.id === id)?.verificationCode;
    const [result, catalogue] = await Promise.all([
      code ? this.verification.byCode(code) : null,
      this.catalogue.forYear(org.id, publication.fiscalYear),
    ]);
    this.views.send(res, 'portal-document', {
      title: publication.title,
      organisationName: org.name,
      org: { code: org.code, name: org.name },
      code,
      fiscalYearLabel: fiscalYearLabel(publication.fiscalYear, 'arabic'),
      itemTitle: catalogue.items.find((i) => i.code === publication.oitItem)?.title ?? null,
      publication: { ...publication, stateWord: STATUS[publication.status] },
      history: history.map((h) => ({ ...h, stateWord: STATUS[h.status], current: h.id === id })),
      result: result && this.resultView(result),
    });
  }

  @Get('verify')
  async verifyForm(
    @Query('sha256') sha256: string | undefined,
    @Query('code') code: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (typeof code === 'string' && code.trim() !== '') {
      return res.redirect(303, `/verify/${encodeURIComponent(normaliseCode(code))}`);
    }
    if (!sha256) return this.views.send(res, 'verify', { title: 'ตรวจสอบเอกสาร' });
    try {
      const result = await this.verification.verifyHash(sha256);
      this.views.send(res, 'verify', {
        title: 'ผลการตรวจสอบเอกสาร',
        sha256,
        result: this.resultView(result),
      });
    } catch (error) {
      if (!(error instanceof AppException)) throw error;
      this.views.send(res, 'verify', { title: 'ตรวจสอบเอกสาร', sha256, error: error.message }, error.status);
    }
  }

  @Post('verify')
  @UseFilters(WebExceptionFilter)
  @RateLimitPerAddress(VERIFY_UPLOAD_LIMIT)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 50 * 1024 * 1024, files: 1 } }))
  async verifyUpload(
    @UploadedFile() file: Express.Multer.File | undefined,
    @Res() res: Response,
  ): Promise<void> {
    if (!file) {
      return this.views.send(res, 'verify', { title: 'ตรวจสอบเอกสาร', error: 'กรุณาเลือกไฟล์ PDF' }, 400);
    }
    const result = await this.verification.verifyFile(file.buffer);
    this.views.send(res, 'verify', {
      title: 'ผลการตรวจสอบเอกสาร',
      filename: file.originalname,
      result: this.resultView(result),
    });
  }

  @Get('verify/:code')
  async verifyCode(@Param('code') typed: string, @Res() res: Response): Promise<void> {
    const code = normaliseCode(typed);
    try {
      const result = await this.verification.byCode(code);
      this.views.send(res, 'verify', { title: 'ผลการตรวจสอบเอกสาร', code, result: this.resultView(result) });
    } catch (error) {
      if (!(error instanceof AppException) || error.code !== ErrorCode.NotFound) throw error;
      // A mistyped code: the same page, the code in its box to correct, the reason in Thai.
      this.views.send(res, 'verify', { title: 'ตรวจสอบเอกสาร', code, error: CODE_NOT_FOUND }, 404);
    }
  }

  private resultView(r: VerificationResult) {
    return {
      ...r,
      genuine: r.verdict === 'genuine',
      unknown: r.verdict === 'unknown',
      mismatch: r.verdict === 'mismatch',
      // One line per step: its printed heading ("ความเห็นของ…") or, without one, its role; then who,
      // in which post, when, leaving out what is missing rather than printing empty separators.
      chain: (r.document?.approvalChain ?? []).map((l) => ({
        title: l.heading?.trim() || ROLE[l.role],
        text: l.text?.trim() || null,
        byline: [
          l.name,
          l.positionLines.filter((p) => p.trim() !== '').join(' '),
          l.date ? formatThaiDate(new Date(`${l.date}T12:00:00+07:00`), 'arabic') : '',
        ]
          .filter((part) => part.trim() !== '')
          .join(' · '),
      })),
      publications: (r.document?.publications ?? []).map((p) => ({
        ...p,
        stateWord: STATUS[p.status as keyof typeof STATUS],
      })),
    };
  }
}
