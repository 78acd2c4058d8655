import { Allow, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ORDER_KINDS, type OrderKind } from '@saraban/approval';
import { VersionForm } from './attachment.form';

export class SubmitForm extends VersionForm {
  @IsOptional() @IsString() @MaxLength(200) idempotencyKey?: string;
}

export class EndorseForm extends VersionForm {
  /** Empty endorses without a written opinion: the block prints the signature alone. */
  @IsOptional() @IsString() @MaxLength(4000) opinion?: string;
}

export class ReasonForm extends VersionForm {
  @IsString() @MaxLength(4000) reason: string;
}

export class DecideForm extends VersionForm {
  @IsIn(ORDER_KINDS) order: OrderKind;
  @IsOptional() @IsString() @MaxLength(4000) text?: string;
}

/** The inbox's "ทราบ" for the ticked memos (memoIds) or for one (only). */
export class AcknowledgeForm {
  @Allow() memoIds?: unknown;
  @IsOptional() @IsUUID() only?: string;
  /** "yes" once the list of what will be signed was shown (several memos at once). */
  @IsOptional() @IsIn(['yes']) confirmed?: 'yes';
}

export class RerouteForm extends VersionForm {
  @IsUUID() positionId: string;
  @IsString() @MaxLength(2000) note: string;
}
