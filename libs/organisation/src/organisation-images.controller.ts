import { Controller, Delete, HttpCode, Put, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { OrganisationImagesService } from './organisation-images.service';
import { IMAGE_MAX_BYTES } from './png-image.util';

const PNG_BODY = {
  schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
};
// One byte over the limit lets the check answer 413 with its own Thai message.
const upload = FileInterceptor('file', { limits: { fileSize: IMAGE_MAX_BYTES + 1, files: 1 } });

/** The images printed on documents: the organisation's emblem and each person's signature. */
@ApiTags('organisation')
@ApiBearerAuth()
@Controller()
export class OrganisationImagesController {
  constructor(private readonly images: OrganisationImagesService) {}

  @Roles('admin')
  @Put('admin/organisation/emblem')
  @HttpCode(204)
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(PNG_BODY)
  @ApiOperation({ summary: 'Set the Garuda emblem printed at the top left of memos (PNG, at most 512 KB)' })
  async setEmblem(@CurrentUser() user: AuthUser, @UploadedFile() file?: Express.Multer.File): Promise<void> {
    await this.images.setEmblem(user.organisationId, file?.buffer);
  }

  @Roles('admin')
  @Delete('admin/organisation/emblem')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the emblem (the placeholder is printed)' })
  async removeEmblem(@CurrentUser() user: AuthUser): Promise<void> {
    await this.images.setEmblem(user.organisationId, null);
  }

  @Put('me/signature')
  @HttpCode(204)
  @UseInterceptors(upload)
  @ApiConsumes('multipart/form-data')
  @ApiBody(PNG_BODY)
  @ApiOperation({
    summary: 'Set my scanned signature, printed above my name where I sign (PNG, at most 512 KB)',
  })
  async setSignature(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file?: Express.Multer.File,
  ): Promise<void> {
    await this.images.setSignature(user.personId, file?.buffer);
  }

  @Delete('me/signature')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove my signature image (documents then print the typed name only)' })
  async removeSignature(@CurrentUser() user: AuthUser): Promise<void> {
    await this.images.setSignature(user.personId, null);
  }
}
