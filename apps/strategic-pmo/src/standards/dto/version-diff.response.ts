import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LeewayComparison } from '@pmo/contracts';
import { CHANGE_AREAS, CHANGE_IMPACTS, CHANGE_KINDS, type ChangeArea, type ChangeImpact, type ChangeKind, type DiffClassification } from '../version-change';

// A changed value is a text (a name, a responsible party, a key task number) or a whole thing (a requirement, leeway, phase, key task, item).
const VALUE = { oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }] };

export class VersionChangeResponse {
  @ApiProperty({
    enum: CHANGE_KINDS,
    description:
      'renamed: an input, output or stakeholder under a new name; reworded: an activity, best practice or lesson in new words; ' +
      'renumbered: a key task under another number; changed: any other edit in place',
  })
  kind: ChangeKind;

  @ApiProperty({ enum: CHANGE_AREAS })
  area: ChangeArea;

  @ApiProperty({ description: 'The thing, for people; a renamed, reworded or renumbered thing by its old name', example: 'key task 1.2 / output "IV&V Plan"' })
  path: string;

  @ApiPropertyOptional({ ...VALUE, description: 'The old value: the removed thing, the old text, the old key task number ("1.2")' })
  before?: unknown;

  @ApiPropertyOptional({ ...VALUE, description: 'The new value: the added thing, the new text, the new key task number ("1.3")' })
  after?: unknown;

  @ApiProperty({ enum: CHANGE_IMPACTS, description: 'The semver part this change calls for' })
  impact: ChangeImpact;

  @ApiPropertyOptional({ enum: ['narrowed', 'widened', 'changed'], description: 'How a leeway moved; on leeway changes only' })
  leeway?: LeewayComparison;

  @ApiPropertyOptional({ description: 'The requirement changed; on requirement and leeway changes only', example: 'STATUS-CADENCE' })
  requirementId?: string;

  @ApiPropertyOptional({
    enum: ['narrowed', 'widened', 'changed'],
    description: 'Whether the version now reaches fewer programs, more, or others; on applicability changes only',
  })
  reach?: 'narrowed' | 'widened' | 'changed';
}

export class VersionDiffResponse {
  @ApiProperty({ enum: ['major', 'minor', 'patch', 'none'] })
  classification: DiffClassification;

  @ApiProperty({ type: [VersionChangeResponse], description: 'Every change; the classes are in docs/methodology-diff.md' })
  changes: VersionChangeResponse[];
}
