import { Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type PmoRole, type Principal } from '@pmo/auth';
import {
  closeMeetingBody,
  createCommitteeBody,
  decideVarianceBody,
  priorityDecisionBody,
  reviewVarianceBody,
  recordAttendanceBody,
  recordResolutionBody,
  scheduleMeetingBody,
  triageFeedbackBody,
  type CloseMeetingBody,
  type CreateCommitteeBody,
  type DecideVarianceBody,
  type PriorityDecisionBody,
  type ReviewVarianceBody,
  type RecordAttendanceBody,
  type RecordResolutionBody,
  type ScheduleMeetingBody,
  type TriageFeedbackBody,
  type UpdateCommitteeBody,
  updateCommitteeBody,
} from '@pmo/contracts';
import { ApiContent, BodyOf } from '@pmo/http';
import type { Response } from 'express';
import { CommitteesService } from './committees.service';
import { DecisionsService } from './decisions.service';
import { CommitteeDetailResponse, CommitteeResponse, MeetingResponse } from './dto/committee.response';
import { DecisionResponse, MeetingDetailResponse } from './dto/meeting.response';
import { MeetingsService } from './meetings.service';

// Committees are the strategic PMO's: its admin sets them up; its members (admins and reviewers) run the meetings; auditors read.
const READERS: PmoRole[] = ['strategic-admin', 'strategic-reviewer', 'auditor'];
const MEMBERS: PmoRole[] = ['strategic-admin', 'strategic-reviewer'];
const UNKNOWN = { status: HttpStatus.NOT_FOUND, description: 'Unknown committee or meeting' };
const NOT_A_MEMBER = {
  status: HttpStatus.FORBIDDEN,
  description: 'Not a member of the committee (present at the meeting, to decide), or the platform role may not do this',
};
const CLOSED = { status: HttpStatus.CONFLICT, description: 'The meeting is closed, or the item is already decided' };
const MEETING = ':committeeId/meetings/:meetingId';

@ApiTags('steering committees')
@ApiBearerAuth()
@ApiResponse({ status: HttpStatus.UNAUTHORIZED, description: 'Missing or invalid bearer token' })
@ApiResponse({ status: HttpStatus.FORBIDDEN, description: 'The role may not do this' })
@Controller('committees')
export class CommitteesController {
  constructor(
    private readonly committees: CommitteesService,
    private readonly meetings: MeetingsService,
    private readonly decisions: DecisionsService,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'The steering committees, by name' })
  @ApiOkResponse({ type: [CommitteeResponse] })
  list() {
    return this.committees.list();
  }

  @Post()
  @Roles('strategic-admin')
  @ApiOperation({ summary: 'Sets up a steering committee: its members (platform users) with their roles, the programs it steers, its cadence' })
  @ApiCreatedResponse({ type: CommitteeResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body' })
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'The name is taken' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'Not exactly one chair, a member twice, or an unknown program' })
  create(@BodyOf(createCommitteeBody) body: CreateCommitteeBody, @CurrentPrincipal() principal: Principal) {
    return this.committees.create(body, principal);
  }

  @Get(':committeeId')
  @Roles(...READERS)
  @ApiOperation({ summary: 'A committee with its meetings, newest first' })
  @ApiOkResponse({ type: CommitteeDetailResponse })
  @ApiResponse(UNKNOWN)
  get(@Param('committeeId', new ParseUUIDPipe()) committeeId: string) {
    return this.committees.get(committeeId);
  }

  @Put(':committeeId')
  @Roles('strategic-admin')
  @ApiOperation({
    summary: 'Changes a committee after set-up: its members with their roles, the programs it steers, its cadence (replaced whole; the name stays)',
  })
  @ApiOkResponse({ type: CommitteeResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body or committee id' })
  @ApiResponse(UNKNOWN)
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'Not exactly one chair, a member twice, or an unknown program' })
  update(
    @Param('committeeId', new ParseUUIDPipe()) committeeId: string,
    @BodyOf(updateCommitteeBody) body: UpdateCommitteeBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.committees.update(committeeId, body, principal);
  }

  @Post(':committeeId/meetings')
  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Schedules a meeting (or records one held on a past day); every member starts absent' })
  @ApiCreatedResponse({ type: MeetingResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body' })
  @ApiResponse(NOT_A_MEMBER)
  @ApiResponse(UNKNOWN)
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'The committee already meets that day' })
  schedule(
    @Param('committeeId', new ParseUUIDPipe()) committeeId: string,
    @BodyOf(scheduleMeetingBody) body: ScheduleMeetingBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.committees.scheduleMeeting(committeeId, body.scheduledOn, principal);
  }

  @Get(MEETING)
  @Roles(...READERS)
  @ApiOperation({ summary: 'A meeting: attendance, agenda items with their decisions' })
  @ApiOkResponse({ type: MeetingDetailResponse })
  @ApiResponse(UNKNOWN)
  meeting(@Param('committeeId', new ParseUUIDPipe()) committeeId: string, @Param('meetingId', new ParseUUIDPipe()) meetingId: string) {
    return this.meetings.get(committeeId, meetingId);
  }

  @Post(`${MEETING}/agenda`)
  @HttpCode(HttpStatus.OK)
  @Roles(...MEMBERS)
  @ApiOperation({
    summary:
      "Builds the agenda from what needs a decision in the committee's programs: late or escalated variances, approvals needing review, accepted feedback awaiting its revision, overdue adoptions; only new items are added",
  })
  @ApiOkResponse({ type: MeetingDetailResponse })
  @ApiResponse(NOT_A_MEMBER)
  @ApiResponse(UNKNOWN)
  @ApiResponse(CLOSED)
  buildAgenda(
    @Param('committeeId', new ParseUUIDPipe()) committeeId: string,
    @Param('meetingId', new ParseUUIDPipe()) meetingId: string,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.meetings.buildAgenda(committeeId, meetingId, principal);
  }

  @Put(`${MEETING}/attendance`)
  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Records who of the members was present; the others were absent' })
  @ApiOkResponse({ type: MeetingResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body' })
  @ApiResponse(NOT_A_MEMBER)
  @ApiResponse(UNKNOWN)
  @ApiResponse(CLOSED)
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'Someone who is not a member' })
  attendance(
    @Param('committeeId', new ParseUUIDPipe()) committeeId: string,
    @Param('meetingId', new ParseUUIDPipe()) meetingId: string,
    @BodyOf(recordAttendanceBody) body: RecordAttendanceBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.committees.recordAttendance(committeeId, meetingId, body, principal);
  }

  @Post(`${MEETING}/decisions/variances/:varianceId`)
  @HttpCode(HttpStatus.CREATED)
  @Roles(...MEMBERS)
  @ApiOperation({
    summary:
      "Decides a variance on the agenda: it is the variance's decision (variance.decided is emitted), made by a member present whose platform role may decide variances",
  })
  @ApiCreatedResponse({ type: DecisionResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body; approved-with-conditions without conditions' })
  @ApiResponse(NOT_A_MEMBER)
  @ApiResponse(UNKNOWN)
  @ApiResponse({ status: HttpStatus.CONFLICT, description: "The meeting is closed, the item decided, or the variance's lifecycle refuses it" })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'The variance is not on the agenda' })
  decideVariance(
    @Param('committeeId', new ParseUUIDPipe()) committeeId: string,
    @Param('meetingId', new ParseUUIDPipe()) meetingId: string,
    @Param('varianceId', new ParseUUIDPipe()) varianceId: string,
    @BodyOf(decideVarianceBody) body: DecideVarianceBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.decisions.decideVariance(committeeId, meetingId, varianceId, body, principal);
  }

  @Post(`${MEETING}/decisions/variance-reviews/:varianceId`)
  @HttpCode(HttpStatus.CREATED)
  @Roles(...MEMBERS)
  @ApiOperation({
    summary:
      'Confirms or revokes an approval needing review on the agenda: it is the confirm or revoke of that variance (variance.reviewed is emitted), made by a member present',
  })
  @ApiCreatedResponse({ type: DecisionResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body' })
  @ApiResponse(NOT_A_MEMBER)
  @ApiResponse(UNKNOWN)
  @ApiResponse(CLOSED)
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'Not on the agenda (the message says which)' })
  reviewVariance(
    @Param('committeeId', new ParseUUIDPipe()) committeeId: string,
    @Param('meetingId', new ParseUUIDPipe()) meetingId: string,
    @Param('varianceId', new ParseUUIDPipe()) varianceId: string,
    @BodyOf(reviewVarianceBody) body: ReviewVarianceBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.decisions.reviewVariance(committeeId, meetingId, varianceId, body, principal);
  }

  @Post(`${MEETING}/decisions/feedback/:feedbackId`)
  @HttpCode(HttpStatus.CREATED)
  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Triages feedback on the agenda: it is the feedback’s triage (feedback.triaged is emitted), made by a member present' })
  @ApiCreatedResponse({ type: DecisionResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body' })
  @ApiResponse(NOT_A_MEMBER)
  @ApiResponse(UNKNOWN)
  @ApiResponse(CLOSED)
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'Not on the agenda, or the triage rules refuse it (the message says which)' })
  triageFeedback(
    @Param('committeeId', new ParseUUIDPipe()) committeeId: string,
    @Param('meetingId', new ParseUUIDPipe()) meetingId: string,
    @Param('feedbackId', new ParseUUIDPipe()) feedbackId: string,
    @BodyOf(triageFeedbackBody) body: TriageFeedbackBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.decisions.triageFeedback(committeeId, meetingId, feedbackId, body, principal);
  }

  @Post(`${MEETING}/decisions/priorities/:requestId`)
  @HttpCode(HttpStatus.CREATED)
  @Roles(...MEMBERS)
  @ApiOperation({
    summary: 'Decides a priority change asked for on the agenda: it is the request’s decision, under the priority policy in force, made by a member present',
  })
  @ApiCreatedResponse({ type: DecisionResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body' })
  @ApiResponse(NOT_A_MEMBER)
  @ApiResponse(UNKNOWN)
  @ApiResponse(CLOSED)
  @ApiResponse({
    status: HttpStatus.UNPROCESSABLE_ENTITY,
    description: 'Not on the agenda, or the priority policy refuses the decision (the message says why)',
  })
  decidePriority(
    @Param('committeeId', new ParseUUIDPipe()) committeeId: string,
    @Param('meetingId', new ParseUUIDPipe()) meetingId: string,
    @Param('requestId', new ParseUUIDPipe()) requestId: string,
    @BodyOf(priorityDecisionBody) body: PriorityDecisionBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.decisions.decidePriority(committeeId, meetingId, requestId, body, principal);
  }

  @Post(`${MEETING}/resolutions`)
  @HttpCode(HttpStatus.CREATED)
  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Records a resolution on an agenda item (noted, directed, deferred): logged, no state of the platform changes' })
  @ApiCreatedResponse({ type: DecisionResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body' })
  @ApiResponse(NOT_A_MEMBER)
  @ApiResponse(UNKNOWN)
  @ApiResponse(CLOSED)
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'The item is not on the agenda' })
  resolve(
    @Param('committeeId', new ParseUUIDPipe()) committeeId: string,
    @Param('meetingId', new ParseUUIDPipe()) meetingId: string,
    @BodyOf(recordResolutionBody) body: RecordResolutionBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.decisions.recordResolution(committeeId, meetingId, body, principal);
  }

  @Post(`${MEETING}/close`)
  @HttpCode(HttpStatus.OK)
  @Roles(...MEMBERS)
  @ApiOperation({ summary: 'Closes the minutes with their summary: nothing more is decided in this meeting' })
  @ApiOkResponse({ type: MeetingResponse })
  @ApiResponse({ status: HttpStatus.BAD_REQUEST, description: 'Invalid body' })
  @ApiResponse(NOT_A_MEMBER)
  @ApiResponse(UNKNOWN)
  @ApiResponse({ status: HttpStatus.CONFLICT, description: 'Already closed' })
  @ApiResponse({ status: HttpStatus.UNPROCESSABLE_ENTITY, description: 'No attendance recorded' })
  close(
    @Param('committeeId', new ParseUUIDPipe()) committeeId: string,
    @Param('meetingId', new ParseUUIDPipe()) meetingId: string,
    @BodyOf(closeMeetingBody) body: CloseMeetingBody,
    @CurrentPrincipal() principal: Principal,
  ) {
    return this.committees.close(committeeId, meetingId, body.summary, principal);
  }

  @Get(`${MEETING}/minutes`)
  @Roles(...READERS)
  @ApiOperation({ summary: 'The minutes as Markdown: attendance, each agenda item with its decision, the summary' })
  @ApiContent(HttpStatus.OK, 'The minutes (a draft until the meeting is closed)', { text: ['text/markdown'] })
  @ApiResponse(UNKNOWN)
  async minutes(
    @Param('committeeId', new ParseUUIDPipe()) committeeId: string,
    @Param('meetingId', new ParseUUIDPipe()) meetingId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const text = await this.meetings.minutes(committeeId, meetingId);
    response.type('text/markdown');
    return text;
  }

  @Get(`${MEETING}/decision-log`)
  @Roles(...READERS)
  @ApiOperation({ summary: "The meeting's decision log as CSV" })
  @ApiContent(HttpStatus.OK, 'RFC 4180 CSV with a header row: decidedAt, item, subjectKind, subjectId, outcome, reason, effect, decidedBy', {
    text: ['text/csv'],
  })
  @ApiResponse(UNKNOWN)
  async decisionLog(
    @Param('committeeId', new ParseUUIDPipe()) committeeId: string,
    @Param('meetingId', new ParseUUIDPipe()) meetingId: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    const csv = await this.meetings.decisionLog(committeeId, meetingId);
    response.type('text/csv');
    return csv;
  }
}
