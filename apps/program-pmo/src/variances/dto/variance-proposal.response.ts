import { ApiProperty } from '@nestjs/swagger';
import { ApiPropertyOf } from '@pmo/http';
import { deviationsSchema, type Deviation } from '@pmo/contracts';
import type { VarianceProposalEntity } from '../variance-proposal.entity';

/** A project PMO's proposal as the program sees it. */
export class VarianceProposalResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  projectId: string;

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

  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The variance request it became' })
  varianceId: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  answeredAt: string | null;

  static of(p: VarianceProposalEntity): VarianceProposalResponse {
    return {
      id: p.id,
      projectId: p.projectId,
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
      varianceId: p.varianceId,
      answeredAt: p.answeredAt?.toISOString() ?? null,
    };
  }
}
