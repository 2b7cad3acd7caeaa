import { ApiProperty } from '@nestjs/swagger';
import { COMMITTEE_CADENCES, COMMITTEE_ROLES } from '@pmo/contracts';

export class CommitteeMemberResponse {
  @ApiProperty({ description: "The platform user's username" })
  username: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: COMMITTEE_ROLES })
  role: string;
}

/** A steering committee: who sits on it, the programs it steers and how often it meets. */
export class CommitteeResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: COMMITTEE_CADENCES })
  cadence: string;

  @ApiProperty({ type: [String], format: 'uuid' })
  programIds: string[];

  @ApiProperty({ type: [CommitteeMemberResponse] })
  members: CommitteeMemberResponse[];

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

export class AttendanceResponse {
  @ApiProperty()
  username: string;

  @ApiProperty()
  present: boolean;
}

/** A meeting of a committee. */
export class MeetingResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  committeeId: string;

  @ApiProperty({ type: String, format: 'date' })
  scheduledOn: string;

  @ApiProperty({ enum: ['scheduled', 'closed'], description: 'closed: the minutes are final, nothing more is decided' })
  state: string;

  @ApiProperty({ type: [AttendanceResponse] })
  attendance: AttendanceResponse[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the agenda was last built' })
  agendaBuiltAt: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The summary of the minutes, once closed' })
  summary: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

/** A committee with its meetings, newest first. */
export class CommitteeDetailResponse extends CommitteeResponse {
  @ApiProperty({ type: [MeetingResponse] })
  meetings: MeetingResponse[];
}
