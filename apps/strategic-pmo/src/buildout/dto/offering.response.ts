import { ApiProperty } from '@nestjs/swagger';
import { OFFERING_STATES, PMO_ELEMENTS, STANDARD_KINDS } from '@pmo/contracts';

/** A product or service of the PMO's build-out. */
export class OfferingResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: ['product', 'service'] })
  kind: 'product' | 'service';

  @ApiProperty()
  description: string;

  @ApiProperty({ enum: PMO_ELEMENTS, isArray: true, description: 'The elements whose gaps it closes' })
  closesGaps: string[];

  @ApiProperty({ minimum: 1, maximum: 5, description: '1 is the most urgent' })
  priority: number;

  @ApiProperty()
  effortWeeks: number;

  @ApiProperty({ enum: OFFERING_STATES })
  state: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The wave that deploys it' })
  waveId: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  addedAt: string;
}

/** A standard of the catalog with a published version: a product of the PMO, read from the catalog. */
export class CatalogProductResponse {
  @ApiProperty({ format: 'uuid' })
  standardId: string;

  @ApiProperty()
  key: string;

  @ApiProperty()
  title: string;

  @ApiProperty({ enum: STANDARD_KINDS })
  kind: string;

  @ApiProperty({ description: 'The latest published version' })
  version: string;

  @ApiProperty({ type: String, format: 'date-time' })
  publishedAt: string;

  @ApiProperty({ enum: PMO_ELEMENTS, isArray: true })
  closesGaps: string[];
}

/** The PMO's catalogue of products and services. */
export class CatalogueResponse {
  @ApiProperty({ type: [OfferingResponse] })
  offerings: OfferingResponse[];

  @ApiProperty({ type: [CatalogProductResponse], description: "The platform's published standards and tools" })
  catalogProducts: CatalogProductResponse[];
}
