import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '@saraban/auth';
import { WebAssets } from './web-assets.service';

/** The stylesheet, the script and the Sarabun font files of the browser interface. */
@ApiExcludeController()
@Public()
@Controller('app/assets')
export class WebAssetsController {
  constructor(private readonly assets: WebAssets) {}

  @Get('fonts/:name')
  font(@Param('name') name: string, @Res() res: Response): void {
    this.send(name, res);
  }

  @Get(':name')
  file(@Param('name') name: string, @Res() res: Response): void {
    this.send(name, res);
  }

  private send(name: string, res: Response): void {
    const asset = this.assets.read(name);
    if (!asset) throw new NotFoundException();
    res
      .setHeader('Cache-Control', 'public, max-age=31536000, immutable')
      .setHeader('X-Content-Type-Options', 'nosniff')
      .type(asset.type)
      .send(asset.bytes);
  }
}
