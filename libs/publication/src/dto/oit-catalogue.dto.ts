import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, Length, Matches, ValidateNested } from 'class-validator';

export class OitItemDto {
  @ApiProperty({ example: 'o28' })
  @Matches(/^o\d{1,3}$/)
  code: string;

  @ApiProperty({ example: 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน' })
  @IsString()
  @Length(1, 300)
  title: string;
}

export class OitCatalogueDto {
  @ApiProperty({ type: [OitItemDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OitItemDto)
  items: OitItemDto[];
}

export class WithdrawPublicationDto {
  @ApiProperty({ example: 'เผยแพร่ผิดฉบับ' })
  @IsString()
  @Length(1, 1000)
  reason: string;
}
