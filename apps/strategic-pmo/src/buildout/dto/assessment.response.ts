import { ApiProperty } from '@nestjs/swagger';
import { PMO_ELEMENTS } from '@pmo/contracts';

/** One element's current and future state with their maturity levels (1–5). */
export class ElementRatingResponse {
  @ApiProperty({ enum: PMO_ELEMENTS })
  element: string;

  @ApiProperty()
  currentState: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  currentLevel: number;

  @ApiProperty()
  futureState: string;

  @ApiProperty({ minimum: 1, maximum: 5 })
  futureLevel: number;

  @ApiProperty({ description: 'Person-weeks estimated to close the gap' })
  effortWeeks: number;
}

/** A dated assessment of the current and future state of some elements. */
export class AssessmentResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'date' })
  assessedOn: string;

  @ApiProperty({ type: [ElementRatingResponse] })
  elements: ElementRatingResponse[];

  @ApiProperty()
  recordedBySubject: string;

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt: string;
}
