import { Allow, IsOptional, IsString } from 'class-validator';

/**
 * The compose page's form, as the browser posts it (urlencoded). Every field is a string; the body
 * arrives as `blocks[i][type]`, `blocks[i][text]` and is read by `readComposeForm`, which checks it
 * with the memo schema the API uses, so that mistakes come back on the page beside their field.
 */
export class ComposeForm {
  @IsOptional() @IsString() subject?: string;
  @IsOptional() @IsString() unitLine?: string;
  @IsOptional() @IsString() addressee?: string;
  @IsOptional() @IsString() closing?: string;
  @IsOptional() @IsString() urgency?: string;
  @IsOptional() @IsString() secrecy?: string;
  @IsOptional() @IsString() purpose?: string;
  @IsOptional() @IsString() signerPositionId?: string;
  @IsOptional() @IsString() publish?: string;
  @IsOptional() @IsString() oitItem?: string;
  /** The fiscal year (พ.ศ.) the published memo reports on; empty: the decision's. */
  @IsOptional() @IsString() publishFiscalYear?: string;
  @IsOptional() @IsString() version?: string;
  /** สำเนาเรียน: the ticked boxes, "person:<id>" or "unit:<id>" (one value, or several). */
  @Allow() copies?: unknown;
  /** Present when the page showed the สำเนาเรียน boxes: none ticked then means none. */
  @IsOptional() @IsString() copiesShown?: string;
  /** What the button pressed asks for: save, submit, preview, add:<type>, remove:<i>, up:<i>, down:<i>. */
  @IsOptional() @IsString() op?: string;
  @Allow() blocks?: unknown;
}
