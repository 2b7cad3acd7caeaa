import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CloseProjectDto {
  @ApiProperty({ description: 'Why the project closes', example: 'Delivered and handed over to operations', maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}
