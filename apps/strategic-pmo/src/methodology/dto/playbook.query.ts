import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class ImportPlaybookQuery {
  @ApiProperty({ required: false, description: 'File name, used in error reports and to tell archives apart (.zip, .tar.gz, .tgz)', example: 'playbook.yaml' })
  @IsOptional()
  @Matches(/^[\w.\- ]{1,200}$/, { message: 'file must be a plain file name (letters, digits, . _ - and spaces, at most 200)' })
  file?: string;
}

export class ExportPlaybookQuery {
  @ApiProperty({ required: false, enum: ['yaml', 'zip'], default: 'yaml', description: 'One multi-document YAML stream, or a zip of one file per key task' })
  @IsOptional()
  @IsIn(['yaml', 'zip'])
  format?: 'yaml' | 'zip';
}

export class RaciQuery {
  @ApiProperty({ required: false, enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}
