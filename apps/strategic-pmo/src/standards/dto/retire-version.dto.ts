import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class RetireVersionDto {
  @ApiProperty({ description: 'Why the version is withdrawn', example: 'Replaced by the enterprise reporting standard', maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}
