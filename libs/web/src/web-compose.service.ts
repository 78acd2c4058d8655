import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@saraban/auth';
import type { MemoView } from '@saraban/memo';
import { OrganisationDirectoryService } from '@saraban/organisation';
import { OitCatalogueService } from '@saraban/publication';
import { fiscalYearOf } from '@saraban/thai-format';
import type { ComposeValues, EditorBlock, FieldError } from './forms/compose-form.util';
import {
  BLOCK_TYPE_LABELS,
  PURPOSE_LABELS,
  CLOSING_PHRASES,
  HEADING_PHRASES,
  SECRECY_LABELS,
  URGENCY_LABELS,
} from './web-labels';

/** What the compose form shows in its fields: stored or posted values, as text. */
export interface ComposeFields {
  subject: string;
  unitLine: string;
  addressee: string;
  closing: string;
  urgency: string;
  secrecy: string;
  purpose: string;
  signerPositionId: string;
  publish: boolean;
  oitItem: string;
  /** The fiscal year (พ.ศ.) the published memo is filed under, as text; empty: the decision's. */
  publishFiscalYear: string;
  /** สำเนาเรียน as the boxes' values: "person:<id>", "unit:<id>". */
  copies: string[];
}

export function fieldsFromMemo(memo: MemoView): ComposeFields {
  return {
    subject: memo.subject,
    unitLine: memo.unitLine,
    addressee: memo.addressee,
    closing: memo.closing,
    urgency: memo.urgency,
    secrecy: memo.secrecy,
    purpose: memo.purpose,
    signerPositionId: memo.signerPosition.id,
    publish: memo.publish,
    oitItem: memo.oitItem ?? '',
    publishFiscalYear: memo.publishFiscalYear === null ? '' : String(memo.publishFiscalYear),
    copies: memo.copies.map((c) => `${c.kind}:${c.id}`),
  };
}

export function fieldsFromValues(v: ComposeValues): ComposeFields {
  return {
    subject: v.subject,
    unitLine: v.unitLine ?? '',
    addressee: v.addressee ?? '',
    closing: v.closing ?? '',
    urgency: v.urgency,
    secrecy: v.secrecy,
    purpose: v.purpose,
    signerPositionId: v.signerPositionId ?? '',
    publish: v.publish,
    oitItem: v.oitItem ?? '',
    publishFiscalYear: v.publishFiscalYear === null ? '' : String(v.publishFiscalYear),
    copies: (v.copies ?? []).map((c) => `${c.kind}:${c.id}`),
  };
}

/** Builds the compose page's view model: the choices the form offers around the values. */
@Injectable()
export class WebComposeService {
  constructor(
    private readonly directory: OrganisationDirectoryService,
    private readonly oit: OitCatalogueService,
  ) {}

  /** The fields of a new memo, with the same defaults the memo service would fill in. */
  async defaults(user: AuthUser): Promise<ComposeFields> {
    const d = await this.directory.directory(user.organisationId);
    const me = d.people.find((p) => p.id === user.personId);
    const unit = d.units.find((u) => u.id === me?.unitId);
    const chain = d.chains.find((c) => c.unitId === unit?.id);
    const top = chain
      ? d.positions.find((p) => p.id === chain.positionIds[chain.positionIds.length - 1])
      : undefined;
    return {
      subject: '',
      unitLine: unit ? (unit.phone ? `${unit.name} โทร. ${unit.phone}` : unit.name) : '',
      addressee: top?.title ?? '',
      closing: CLOSING_PHRASES[0],
      urgency: 'normal',
      secrecy: 'normal',
      purpose: 'decision',
      signerPositionId: me?.positionIds[0] ?? '',
      publish: false,
      oitItem: '',
      publishFiscalYear: '',
      copies: [],
    };
  }

  async context(
    user: AuthUser,
    fields: ComposeFields,
    blocks: EditorBlock[],
    errors: FieldError[],
  ): Promise<Record<string, unknown>> {
    const d = await this.directory.directory(user.organisationId);
    const me = d.people.find((p) => p.id === user.personId);
    const mine = (me?.positionIds ?? []).map((id) => d.positions.find((p) => p.id === id)).filter((p) => !!p);
    const currentYear = fiscalYearOf(new Date());
    const catalogue = await this.oit.forYear(user.organisationId, currentYear);
    // A report is decided after the year it reports on: this year and the two before it, and the
    // year already chosen when it is none of those.
    const chosenYear = /^\d{4}$/.test(fields.publishFiscalYear) ? Number(fields.publishFiscalYear) : null;
    const fiscalYears = [
      ...new Set([currentYear, currentYear - 1, currentYear - 2, ...(chosenYear ? [chosenYear] : [])]),
    ]
      .sort((a, b) => b - a)
      .map((year) => ({ value: year, selected: year === chosenYear }));
    const errorOf = (field: string): string | null =>
      errors
        .filter((e) => e.field === field)
        .map((e) => e.message)
        .join(' ') || null;
    return {
      fields,
      errors,
      fieldErrors: {
        subject: errorOf('subject'),
        unitLine: errorOf('unitLine'),
        addressee: errorOf('addressee'),
        closing: errorOf('closing'),
        signerPositionId: errorOf('signerPositionId'),
        oitItem: errorOf('oitItem'),
        publishFiscalYear: errorOf('publishFiscalYear'),
        blocks: errorOf('blocks') ?? errorOf('body'),
      },
      blocks: blocks.map((b, i) => ({
        ...b,
        index: i,
        number: i + 1,
        first: i === 0,
        last: i === blocks.length - 1,
        rows: b.type === 'heading' ? 1 : b.type === 'numbered' ? 4 : 5,
        error: errorOf(`blocks.${i}`),
        types: Object.entries(BLOCK_TYPE_LABELS).map(([value, label]) => ({
          value,
          label,
          selected: value === b.type,
        })),
      })),
      // The empty block the script clones when "+ ย่อหน้า" etc. is pressed.
      newBlock: {
        type: 'paragraph',
        text: '',
        index: 0,
        number: 1,
        first: false,
        last: false,
        rows: 5,
        error: null,
        types: Object.entries(BLOCK_TYPE_LABELS).map(([value, label]) => ({
          value,
          label,
          selected: value === 'paragraph',
        })),
      },
      blockTypes: Object.entries(BLOCK_TYPE_LABELS).map(([value, label]) => ({ value, label })),
      urgencies: Object.entries(URGENCY_LABELS).map(([value, label]) => ({
        value,
        label,
        selected: value === fields.urgency,
      })),
      secrecies: Object.entries(SECRECY_LABELS).map(([value, label]) => ({
        value,
        label,
        selected: value === fields.secrecy,
      })),
      purposes: Object.entries(PURPOSE_LABELS).map(([value, label]) => ({
        value,
        label,
        checked: value === fields.purpose,
      })),
      signerPositions: mine.map((p) => ({
        id: p.id,
        title: p.title,
        selected: p.id === fields.signerPositionId,
      })),
      oitItems: catalogue.items.map((i) => ({ ...i, selected: i.code === fields.oitItem })),
      fiscalYears,
      // สำเนาเรียน: every unit, and every active person but the writer.
      copyUnits: d.units.map((u) => ({
        value: `unit:${u.id}`,
        label: u.name,
        checked: fields.copies.includes(`unit:${u.id}`),
      })),
      copyPeople: d.people
        .filter((p) => p.active && p.id !== user.personId)
        .map((p) => {
          const post = d.positions.find((pos) => pos.id === p.positionIds[0]);
          return {
            value: `person:${p.id}`,
            label: `${p.prefix}${p.fullName}${post ? ` (${post.title})` : ''}`,
            checked: fields.copies.includes(`person:${p.id}`),
          };
        }),
      copiesCount: fields.copies.length,
      fieldErrorCopies: errorOf('copies'),
      closingPhrases: CLOSING_PHRASES,
      headingPhrases: HEADING_PHRASES,
    };
  }
}
