import { Controller, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, type AuthUser } from '@saraban/auth';
import { AppException } from '@saraban/errors';
import { IMAGE_MAX_BYTES, OrganisationImagesService } from '@saraban/organisation';

/** The signed-in person's own settings: the scanned signature printed above their name. */
@ApiExcludeController()
@Controller('app/me')
export class WebProfileController {
  constructor(private readonly images: OrganisationImagesService) {}

  @Post('signature')
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: IMAGE_MAX_BYTES + 1, files: 1 } }))
  async setSignature(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Res() res: Response,
  ): Promise<void> {
    try {
      await this.images.setSignature(user.personId, file?.buffer);
      res.redirect(303, '/app/memos/mine?done=signature');
    } catch (err) {
      if (!(err instanceof AppException) || err.status >= 500) throw err;
      res.redirect(303, `/app/memos/mine?done=signature-refused`);
    }
  }
}
