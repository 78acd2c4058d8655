import { ApiProperty } from '@nestjs/swagger';
import { OIT_ITEM_CODE } from '@saraban/organisation';
import { PUBLICATION_LIMITS } from './publication-input.schema';

/* For OpenAPI only: the bodies are validated by publicationInputSchemas. */

export class OitItemDto {
  @ApiProperty({ example: 'o28', pattern: OIT_ITEM_CODE.source })
  code: string;

  @ApiProperty({
    example: 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน',
    maxLength: PUBLICATION_LIMITS.catalogueTitle,
  })
  title: string;
}

export class OitCatalogueDto {
  @ApiProperty({
    type: [OitItemDto],
    maxItems: PUBLICATION_LIMITS.catalogueItems,
    description: 'In listing order, each code once; an empty list brings back the default catalogue',
  })
  items: OitItemDto[];
}

export class WithdrawPublicationDto {
  @ApiProperty({ example: 'เผยแพร่ผิดฉบับ', maxLength: PUBLICATION_LIMITS.withdrawReason })
  reason: string;
}
