import { Controller, Get, NotFoundException, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@saraban/auth';
import { WebExceptionFilter } from './web-exception.filter';

/** Any other /app address: a Thai "not found" page rather than the API's JSON. Registered last. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('app')
export class WebNotFoundController {
  @Public()
  @Get('*path')
  notFound(): never {
    throw new NotFoundException();
  }
}
