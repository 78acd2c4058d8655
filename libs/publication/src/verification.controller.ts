import { Controller, Get, Param, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Public, RateLimitPerAddress, VERIFY_UPLOAD_LIMIT } from '@saraban/auth';
import { AppException, ErrorCode } from '@saraban/errors';
import { VerificationService, type VerificationResult } from './verification.service';

/** Public verification: anyone may check a PDF they hold against what was approved and signed. */
@ApiTags('verification')
@Public()
@Controller('public/verify')
export class VerificationController {
  constructor(private readonly verification: VerificationService) {}

  @Post()
  @RateLimitPerAddress(VERIFY_UPLOAD_LIMIT)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: 50 * 1024 * 1024, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOperation({
    summary: 'Verify an uploaded PDF: its hash, its signature, and the approval chain it carries',
  })
  verifyFile(@UploadedFile() file: Express.Multer.File | undefined): Promise<VerificationResult> {
    if (!file)
      throw new AppException(ErrorCode.ValidationFailed, [{ field: 'file', problems: ['กรุณาเลือกไฟล์ PDF'] }]);
    return this.verification.verifyFile(file.buffer);
  }

  @Get()
  @ApiQuery({ name: 'sha256', description: 'SHA-256 of the PDF, 64 hex digits' })
  @ApiOperation({ summary: 'Verify by SHA-256' })
  verifyHash(@Query('sha256') sha256 = ''): Promise<VerificationResult> {
    return this.verification.verifyHash(sha256);
  }

  @Get('code/:code')
  @ApiOperation({ summary: 'The document behind the code printed with the QR on its last page' })
  byCode(@Param('code') code: string): Promise<VerificationResult> {
    return this.verification.byCode(code);
  }
}
