import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '@saraban/auth';
import { SchemaPipe } from '@saraban/errors';
import { BUDDHIST_ERA_OFFSET } from '@saraban/thai-format';
import { CancelRegisterEntryDto } from './dto/cancel-register-entry.dto';
import { RegisterDocumentDto } from './dto/register-document.dto';
import { RegisterEntryPathDto } from './dto/register-entry-path.dto';
import { RegisterEntryResponse } from './dto/register-entry.response';
import { RegisterListQueryDto } from './dto/register-list-query.dto';
import { RegisterPageResponse } from './dto/register-page.response';
import { RegisterPathDto } from './dto/register-path.dto';
import { RegisterYearPathDto } from './dto/register-year-path.dto';
import { RegisterYearQueryDto } from './dto/register-year-query.dto';
import { RegisterYearSummaryResponse } from './dto/register-year-summary.response';
import { SetNextNumberDto } from './dto/set-next-number.dto';
import { registerInputSchemas as schemas, type RegisterInput } from './dto/register-input.schema';
import type { RegisterEntryView } from './register-entry.view';
import { OUTGOING_REGISTER } from './register-name';
import type { RegisterPage } from './register-page';
import type { RegisterYearSummary } from './register-year-summary';
import { RegisterService } from './register.service';

/** The registry clerk's registers; memos get their numbers from the approval engine, not here. */
@ApiTags('register')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'The caller is neither clerk nor admin' })
@Roles('clerk', 'admin')
@Controller('registers/:register')
export class RegisterController {
  constructor(private readonly registers: RegisterService) {}

  @Get('entries')
  @ApiOperation({ summary: "A year's register, in running-number order, paged and searchable" })
  @ApiOkResponse({ type: RegisterPageResponse })
  list(
    @CurrentUser() user: AuthUser,
    @Param() path: RegisterPathDto,
    @Query() query: RegisterListQueryDto,
  ): Promise<RegisterPage> {
    return this.registers.list(user.organisationId, { register: path.register, ...query });
  }

  @Get('entries.csv')
  @ApiOperation({ summary: "A year's register as CSV (UTF-8 with BOM, Thai headers) for spreadsheets" })
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'The CSV file', schema: { type: 'string' } })
  async exportCsv(
    @CurrentUser() user: AuthUser,
    @Param() path: RegisterPathDto,
    @Query() query: RegisterYearQueryDto,
  ): Promise<StreamableFile> {
    const { year, csv } = await this.registers.exportCsv(user.organisationId, {
      register: path.register,
      ...query,
    });
    return new StreamableFile(Buffer.from(csv, 'utf8'), {
      type: 'text/csv; charset=utf-8',
      // Named by the Buddhist-era year the office files it under; the Thai name for browsers that read it.
      disposition: `attachment; filename="register-${path.register}-${year + BUDDHIST_ERA_OFFSET}.csv"; filename*=UTF-8''${encodeURIComponent(
        `ทะเบียน-${path.register === OUTGOING_REGISTER ? 'หนังสือส่ง' : path.register}-พ.ศ.${year + BUDDHIST_ERA_OFFSET}.csv`,
      )}`,
    });
  }

  @Post('entries')
  @ApiBody({ type: RegisterDocumentDto })
  @ApiOperation({
    summary: 'Register a document that is not a memo (e.g. a paper letter): issues the next number',
  })
  @ApiCreatedResponse({ type: RegisterEntryResponse })
  registerDocument(
    @CurrentUser() user: AuthUser,
    @Param() path: RegisterPathDto,
    @Body(new SchemaPipe(schemas.registerDocument)) dto: RegisterInput<'registerDocument'>,
  ): Promise<RegisterEntryView> {
    return this.registers.registerDocument(user.organisationId, path.register, dto, user.personId);
  }

  @Get('entries/:id')
  @ApiOperation({ summary: 'One register entry' })
  @ApiOkResponse({ type: RegisterEntryResponse })
  @ApiNotFoundResponse({ description: 'No such entry in this organisation and register' })
  get(@CurrentUser() user: AuthUser, @Param() path: RegisterEntryPathDto): Promise<RegisterEntryView> {
    return this.registers.get(user.organisationId, path.id, path.register);
  }

  @Post('entries/:id/cancel')
  @HttpCode(200)
  @ApiBody({ type: CancelRegisterEntryDto })
  @ApiOperation({
    summary: 'Cancel an entry: the number stays in the register, marked cancelled, and is never reused',
  })
  @ApiOkResponse({ type: RegisterEntryResponse })
  @ApiNotFoundResponse({ description: 'No such entry in this organisation and register' })
  @ApiConflictResponse({ description: 'REGISTER_ENTRY_CANCELLED: already cancelled' })
  cancel(
    @CurrentUser() user: AuthUser,
    @Param() path: RegisterEntryPathDto,
    @Body(new SchemaPipe(schemas.cancelEntry)) dto: RegisterInput<'cancelEntry'>,
  ): Promise<RegisterEntryView> {
    return this.registers.cancel(user.organisationId, path.id, dto.reason, user.personId, path.register);
  }

  @Get('years/:year')
  @ApiOperation({
    summary: 'Where the register stands in a year: next number, last issued, changes of the next number',
  })
  @ApiOkResponse({ type: RegisterYearSummaryResponse })
  yearSummary(
    @CurrentUser() user: AuthUser,
    @Param() path: RegisterYearPathDto,
  ): Promise<RegisterYearSummary> {
    return this.registers.yearSummary(user.organisationId, path.register, path.year);
  }

  @Put('years/:year/next-number')
  @ApiBody({ type: SetNextNumberDto })
  @ApiOperation({ summary: 'Set the next number of a year (e.g. when moving from the paper book mid-year)' })
  @ApiOkResponse({ type: RegisterYearSummaryResponse })
  @ApiConflictResponse({
    description: 'REGISTER_NUMBER_TAKEN: not above the last number already in the register',
  })
  setNextNumber(
    @CurrentUser() user: AuthUser,
    @Param() path: RegisterYearPathDto,
    @Body(new SchemaPipe(schemas.setNextNumber)) dto: RegisterInput<'setNextNumber'>,
  ): Promise<RegisterYearSummary> {
    return this.registers.setNextNumber(
      user.organisationId,
      path.register,
      path.year,
      dto.nextNumber,
      user.personId,
      dto.note ?? null,
    );
  }
}
