import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type, type Static } from '@sinclair/typebox';

export const AUDIT_PAGE_MAX = 10_000;

// The sentences this query has always answered with, kept for the callers that show them.
const ISO_TIME = { format: 'must be a valid ISO 8601 date string' };
const wholeWithin = (minimum: number, maximum: number) => ({
  type: 'must be an integer number',
  minimum: `must not be less than ${minimum}`,
  maximum: `must not be greater than ${maximum}`,
});

/** Filters of `GET /audit`; every one optional. */
export const auditQuery = Type.Object(
  {
    entityType: Type.Optional(Type.String({ maxLength: 100, description: 'Only entries about this kind of entity', example: 'standard-version' })),
    entityId: Type.Optional(Type.String({ maxLength: 300, description: 'Only entries about this entity', example: '3f2b8c1e-1d2a-4c55-9e0b-6a1f2d3c4b5a' })),
    actor: Type.Optional(
      Type.String({
        maxLength: 300,
        description: "Only entries by this actor: the token's subject or the name, exactly; `system:<job>` for schedulers",
        example: 'Sam Strategic',
      }),
    ),
    action: Type.Optional(
      Type.String({
        maxLength: 100,
        description: 'Only this action; `security.refused` for the refused governance attempts (separation of duties, lifecycle, scope)',
        example: 'standard-version.published',
      }),
    ),
    from: Type.Optional(
      Type.String({
        format: 'date-time',
        errorMessage: ISO_TIME,
        description: 'Entries at or after this database time (`at`)',
        example: '2026-11-01T00:00:00Z',
      }),
    ),
    to: Type.Optional(
      Type.String({ format: 'date-time', errorMessage: ISO_TIME, description: 'Entries before this database time (`at`)', example: '2026-12-01T00:00:00Z' }),
    ),
    // seq is a bigint; past 2^53 a JSON number is no longer exact, and past 2^63 PostgreSQL refuses it.
    afterSeq: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: Number.MAX_SAFE_INTEGER,
        errorMessage: wholeWithin(0, Number.MAX_SAFE_INTEGER),
        description: 'Keyset cursor: entries after this seq (the nextAfterSeq of the previous page)',
        example: 100,
      }),
    ),
    limit: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: AUDIT_PAGE_MAX,
        errorMessage: wholeWithin(1, AUDIT_PAGE_MAX),
        description: 'Entries per page (default 100 for JSON, 10,000 for CSV)',
      }),
    ),
    format: Type.Optional(
      Type.Unsafe<'json' | 'csv'>({
        type: 'string',
        enum: ['json', 'csv'],
        errorMessage: { enum: 'must be one of the following values: json, csv' },
        description: 'csv exports the page as CSV (as does Accept: text/csv)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof auditQuery>;

class AuditActorResponse {
  @ApiProperty({ description: "The token's subject, or system:<job>" })
  subject: string;

  @ApiProperty()
  name: string;
}

export class AuditEntryResponse {
  @ApiProperty({ description: 'Position in the service’s chain, from 1 without gaps' })
  seq: number;

  @ApiProperty({ description: "When the entry was written, by the database's clock (UTC, microseconds)", example: '2026-11-24T09:00:00.123456Z' })
  at: string;

  @ApiProperty({
    nullable: true,
    type: String,
    description: "The service's domain clock then (moved in test and demo deployments); null for entries written before it was kept",
    example: '2027-02-01T09:00:00.123000Z',
  })
  domainAt: string | null;

  @ApiProperty({ type: AuditActorResponse })
  actor: AuditActorResponse;

  @ApiProperty({ example: 'standard-version.published' })
  action: string;

  @ApiProperty({ example: 'standard-version' })
  entityType: string;

  @ApiProperty()
  entityId: string;

  @ApiProperty({ description: 'The entity before the change (JSON), null for a creation', nullable: true })
  before: unknown;

  @ApiProperty({ description: 'The entity after the change (JSON)', nullable: true })
  after: unknown;

  @ApiProperty({ nullable: true, type: String })
  reason: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'X-Request-Id of the request that made the change' })
  requestId: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'OpenTelemetry trace id' })
  traceId: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Place in the hash chain (the order of sealing); null until sealed, a moment after the commit' })
  chainPos: number | null;

  @ApiProperty({ nullable: true, type: String, description: 'hash of the entry before it in the chain (64 zeros for the first); null until sealed' })
  prevHash: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'sha256 of the canonical text of this entry and prevHash; null until sealed' })
  hash: string | null;
}

export class AuditPageResponse {
  @ApiProperty({ type: [AuditEntryResponse] })
  entries: AuditEntryResponse[];

  @ApiPropertyOptional({ description: 'Pass as afterSeq for the next page; absent on the last page' })
  nextAfterSeq?: number;
}

export class AuditVerifyResponse {
  @ApiProperty({ description: 'Whether every link and hash holds' })
  ok: boolean;

  @ApiProperty({ description: 'Entries checked, up to the first broken one' })
  checked: number;

  @ApiPropertyOptional({ description: 'The first entry whose link or hash does not hold' })
  firstBrokenSeq?: number;

  @ApiPropertyOptional({ description: 'What does not hold there' })
  reason?: string;

  @ApiPropertyOptional({ description: 'The last entry of the chain (highest chainPos), when the chain holds' })
  headSeq?: number;

  @ApiPropertyOptional({ description: 'Its hash: keep it outside the database to detect a rewritten chain later' })
  headHash?: string;

  @ApiPropertyOptional({
    description: 'Entries committed but not yet sealed into the chain, so not checked (the check seals first; these committed meanwhile)',
  })
  pending?: number;
}
