import { Body, Controller, Get, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { AppException, ErrorCode, SchemaPipe } from '@saraban/errors';
import { CertificateService } from './certificate.service';
import { CertificateView } from './certificate.view';
import {
  CERTIFICATE_PASSWORD_MAX,
  certificateInputSchemas,
  type CertificateInput,
} from './certificate-input.schema';

@ApiTags('certificate')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/certificate')
export class CertificateController {
  constructor(private readonly certificates: CertificateService) {}

  @Get()
  @ApiOperation({ summary: "The organisation's signing certificate (never the key)" })
  @ApiOkResponse({ type: CertificateView })
  async get(@CurrentUser() user: AuthUser): Promise<CertificateView> {
    const info = await this.certificates.info(user.organisationId);
    if (!info) throw new AppException(ErrorCode.SigningCertificateMissing);
    return info;
  }

  @Post()
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 256 * 1024, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary' },
        password: { type: 'string', maxLength: CERTIFICATE_PASSWORD_MAX },
      },
    },
  })
  @ApiOperation({ summary: 'Install a PKCS#12 (.p12/.pfx) signing certificate; stored sealed' })
  @ApiOkResponse({ type: CertificateView })
  async install(
    @CurrentUser() user: AuthUser,
    @Body(new SchemaPipe(certificateInputSchemas.install)) dto: CertificateInput,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<CertificateView> {
    if (!file)
      throw new AppException(ErrorCode.ValidationFailed, [{ field: 'file', problems: ['กรุณาเลือกไฟล์ .p12'] }]);
    return this.certificates.install(user.organisationId, file.buffer, dto.password);
  }
}
