import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { MemoDraftService } from '@saraban/memo';
import { Organisation } from '@saraban/organisation';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MemoDocumentAssembler } from '../assembly/memo-document.assembler';
import { PreviewRendererService } from './preview-renderer.service';

@ApiTags('memos')
@ApiBearerAuth()
@Controller('memos')
export class MemoPreviewController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly memos: MemoDraftService,
    private readonly assembler: MemoDocumentAssembler,
    private readonly renderer: PreviewRendererService,
  ) {}

  @Get(':id/preview.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      'The memo as it will print (unsigned; a draft shows "(ร่าง)" for its number), for whoever may read it',
  })
  async preview(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseUUIDPipe) id: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.memos.get(user, id);
    const org = await this.db.getRepository(Organisation).findOneByOrFail({ id: user.organisationId });
    const assembled = await this.assembler.assemble(user.organisationId, id, null);
    const pdf = await (await this.renderer.get()).render(assembled.document, { orgCode: org.code });
    res.set({
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="preview-${id}.pdf"`,
      'Cache-Control': 'no-store',
    });
    res.send(pdf);
  }
}
