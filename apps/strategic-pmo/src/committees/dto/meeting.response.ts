import { ApiProperty } from '@nestjs/swagger';
import { AGENDA_SOURCE_NAMES } from '../agenda-sources';
import { MeetingResponse } from './committee.response';

const SUBJECT_KINDS = ['variance', 'feedback', 'project', 'standard', 'priority'];

/** An entry of the decision log. */
export class DecisionResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ format: 'uuid', description: 'The agenda item it decides' })
  itemId: string;

  @ApiProperty({ enum: SUBJECT_KINDS, description: 'What it decides: the variance, feedback, project, standard or priority' })
  subjectKind: string;

  @ApiProperty({ format: 'uuid' })
  subjectId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The standard it concerns, when known' })
  standardId: string | null;

  @ApiProperty({ description: "The owner's outcome (approved, accepted...) or noted, directed, deferred" })
  outcome: string;

  @ApiProperty()
  reason: string;

  @ApiProperty({ description: 'What the decision changed, through which service' })
  effect: string;

  @ApiProperty()
  decidedByUsername: string;

  @ApiProperty()
  decidedByName: string;

  @ApiProperty({ type: String, format: 'date-time' })
  decidedAt: string;
}

/** An item of the agenda with its decision, if it has one. */
export class AgendaItemResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  meetingId: string;

  @ApiProperty({ description: 'Its place on the agenda, from 1' })
  position: number;

  @ApiProperty({ enum: AGENDA_SOURCE_NAMES, description: 'The agenda source it came from' })
  source: string;

  @ApiProperty({ enum: SUBJECT_KINDS })
  subjectKind: string;

  @ApiProperty({ format: 'uuid' })
  subjectId: string;

  @ApiProperty({ format: 'uuid' })
  programId: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  standardId: string | null;

  @ApiProperty()
  title: string;

  @ApiProperty()
  detail: string;

  @ApiProperty({ enum: ['open', 'decided'] })
  state: string;

  @ApiProperty({ type: DecisionResponse, nullable: true })
  decision: DecisionResponse | null;
}

/** A meeting with its agenda and decisions. */
export class MeetingDetailResponse extends MeetingResponse {
  @ApiProperty()
  committeeName: string;

  @ApiProperty({ type: [AgendaItemResponse] })
  items: AgendaItemResponse[];
}
