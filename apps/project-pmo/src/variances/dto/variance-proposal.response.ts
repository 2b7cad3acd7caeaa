import { ApiProperty } from '@nestjs/swagger';
import { ApiPropertyOf } from '@pmo/http';
import { VARIANCE_STATES, deviationsSchema, type Deviation } from '@pmo/contracts';
import type { VarianceProposalEntity } from '../variance-proposal.entity';

/** A proposal as its project PMO follows it: the program's answer, then the variance's state. */
export class VarianceProposalResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ example: 'Pete Project' })
  proposedBy: string;

  @ApiProperty({ format: 'uuid' })
  versionId: string;

  @ApiProperty({ example: '1.0.0' })
  version: string;

  @ApiProperty({ type: [String], example: ['STATUS-CADENCE'] })
  requirementIds: string[];

  @ApiPropertyOf(deviationsSchema, {
    description: 'The value asked per requirement outside its leeway; a listed requirement without one is waived while an approval holds',
  })
  deviations: Deviation[];

  @ApiProperty()
  justification: string;

  @ApiProperty({ example: { likelihood: 2, impact: 3 } })
  risk: { likelihood: number; impact: number };

  @ApiProperty({ type: [String] })
  compensatingControls: string[];

  @ApiProperty({ format: 'date' })
  expiresOn: string;

  @ApiProperty({ format: 'date-time' })
  proposedAt: string;

  @ApiProperty({ enum: ['proposed', 'forwarded', 'rejected'] })
  state: string;

  @ApiProperty({ nullable: true, type: String, description: 'Why the program rejected it' })
  answerReason: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  answeredAt: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: "The program's variance request, once forwarded" })
  varianceId: string | null;

  @ApiProperty({ nullable: true, enum: VARIANCE_STATES, description: 'Its state as the strategic PMO decided it' })
  varianceState: string | null;

  static of(p: VarianceProposalEntity): VarianceProposalResponse {
    return {
      id: p.id,
      projectId: p.projectId,
      programId: p.programId,
      proposedBy: p.proposedByName,
      versionId: p.versionId,
      version: p.version,
      requirementIds: p.requirementIds,
      deviations: p.deviations,
      justification: p.justification,
      risk: { likelihood: p.likelihood, impact: p.impact },
      compensatingControls: p.compensatingControls,
      expiresOn: p.expiresOn,
      proposedAt: p.proposedAt.toISOString(),
      state: p.state,
      answerReason: p.answerReason,
      answeredAt: p.answeredAt?.toISOString() ?? null,
      varianceId: p.varianceId,
      varianceState: p.varianceState,
    };
  }
}
