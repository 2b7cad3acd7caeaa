import { ApiProperty } from '@nestjs/swagger';
import { PRIORITY_REQUEST_STATES, PRIORITY_ROLES, PRIORITY_SCOPES } from '@pmo/contracts';

const SCORES = {
  type: 'object',
  additionalProperties: { type: 'integer', minimum: 0, maximum: 10 },
  description: 'Criteria scores, 0 to 10, by criterion key',
} as const;

export class CriterionResponse {
  @ApiProperty()
  key: string;

  @ApiProperty()
  label: string;

  @ApiProperty({ description: 'Percent of the weighted score' })
  weight: number;
}

/** Who may change a ranking, how far, and who asks for and decides the rest. */
export class RankRuleResponse {
  @ApiProperty({ enum: PRIORITY_ROLES, isArray: true })
  changeRoles: string[];

  @ApiProperty({ type: Number, nullable: true, description: 'The most places a direct change may move a project; null: no bound' })
  maxMove: number | null;

  @ApiProperty({ enum: PRIORITY_ROLES, isArray: true })
  askRoles: string[];

  @ApiProperty({ enum: PRIORITY_ROLES, isArray: true })
  decideRoles: string[];
}

export class PolicyInForceResponse {
  @ApiProperty({ format: 'uuid' })
  standardId: string;

  @ApiProperty()
  key: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  version: string;

  @ApiProperty({ type: [CriterionResponse] })
  criteria: CriterionResponse[];

  @ApiProperty({ type: RankRuleResponse, description: "The policy's rule for this ranking" })
  rule: RankRuleResponse;
}

export class RankingEntryResponse {
  @ApiProperty({ description: '1 is first' })
  rank: number;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty()
  code: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ type: String, nullable: true })
  programCode: string | null;

  @ApiProperty(SCORES)
  scores: Record<string, number>;

  @ApiProperty({ type: Number, nullable: true, description: 'The scores weighted by the policy in force, 0 to 10' })
  weightedScore: number | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastChangedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  lastReason: string | null;
}

/** A ranking, first first, with the policy that governs it. */
export class RankingResponse {
  @ApiProperty({ enum: PRIORITY_SCOPES })
  scope: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  programId: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'The day the ranking stood at its end; null: now' })
  asOf: string | null;

  @ApiProperty({ type: PolicyInForceResponse, nullable: true, description: 'null: no policy governs it, and its ranks cannot change' })
  policy: PolicyInForceResponse | null;

  @ApiProperty({ type: [RankingEntryResponse] })
  entries: RankingEntryResponse[];
}

/** One applied change of a project's rank. */
export class PriorityChangeResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ enum: PRIORITY_SCOPES })
  scope: string;

  @ApiProperty()
  fromRank: number;

  @ApiProperty()
  toRank: number;

  @ApiProperty(SCORES)
  scores: Record<string, number>;

  @ApiProperty({ description: 'The scores weighted by the policy it was made under, 0 to 10' })
  weightedScore: number;

  @ApiProperty()
  reason: string;

  @ApiProperty()
  changedBySubject: string;

  @ApiProperty()
  changedByName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  changedAt: string;

  @ApiProperty({ format: 'uuid', description: 'The priority policy version it was made under' })
  policyVersionId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The request it applies, when approved rather than made directly' })
  requestId: string | null;
}

/** A priority change asked for. */
export class PriorityRequestResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty()
  projectCode: string;

  @ApiProperty()
  projectName: string;

  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ enum: PRIORITY_SCOPES })
  scope: string;

  @ApiProperty({ description: 'The rank when it was asked for' })
  fromRank: number;

  @ApiProperty()
  toRank: number;

  @ApiProperty(SCORES)
  scores: Record<string, number>;

  @ApiProperty()
  reason: string;

  @ApiProperty({ description: 'What the policy did not let the one who asked do directly' })
  outsidePolicy: string;

  @ApiProperty({ format: 'uuid' })
  policyVersionId: string;

  @ApiProperty()
  askedBySubject: string;

  @ApiProperty()
  askedByName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  askedAt: string;

  @ApiProperty({ enum: PRIORITY_REQUEST_STATES })
  state: string;

  @ApiProperty({ type: String, nullable: true })
  decidedBySubject: string | null;

  @ApiProperty({ type: String, nullable: true })
  decidedByName: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: string | null;

  @ApiProperty({ type: String, nullable: true })
  decisionReason: string | null;
}

export class PriorityDecisionResponse {
  @ApiProperty({ type: PriorityRequestResponse })
  request: PriorityRequestResponse;

  @ApiProperty({ type: PriorityChangeResponse, nullable: true, description: 'The change applied on approval; null when refused' })
  change: PriorityChangeResponse | null;
}
