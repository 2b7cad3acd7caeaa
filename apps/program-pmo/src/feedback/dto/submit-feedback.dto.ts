import { ApiProperty } from '@nestjs/swagger';
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from '@pmo/contracts';
import { ArrayMaxSize, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class SubmitFeedbackDto {
  @ApiProperty({ format: 'uuid', description: 'The standard version the feedback is about (known to the program)' })
  @IsUUID()
  versionId: string;

  @ApiProperty({ enum: FEEDBACK_CATEGORIES })
  @IsIn(FEEDBACK_CATEGORIES)
  category: FeedbackCategory;

  @ApiProperty({ example: 'The life-cycle methodology does not meet our regulator’s demands on independent review', maxLength: 4000 })
  @IsString()
  @MinLength(1)
  @MaxLength(4000)
  text: string;

  @ApiProperty({ type: [String], required: false, description: 'Requirement ids or key tasks (e.g. 3.1) it is about', example: ['3.1'], maxItems: 50 })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  about?: string[];
}
