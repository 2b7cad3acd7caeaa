import { ApiProperty } from '@nestjs/swagger';

const MARK = { enum: ['R', ''], description: "'R' when this side carries the activity, else empty" };

/** One activity of a key task with who carries it (R marks only; a shared activity marks all three). */
export class RaciRowResponse {
  @ApiProperty()
  activity: string;

  @ApiProperty(MARK)
  customer: string;

  @ApiProperty(MARK)
  provider: string;

  @ApiProperty(MARK)
  shared: string;
}
