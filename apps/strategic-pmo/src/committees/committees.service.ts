import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import type { CreateCommitteeBody, RecordAttendanceBody, UpdateCommitteeBody } from '@pmo/contracts';
import { Clock } from '@pmo/http';
import { AuditLog } from '@pmo/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource, In, type EntityManager } from 'typeorm';
import { PortfolioProgramEntity } from '../portfolio/portfolio-program.entity';
import { memberActing } from './committee-access';
import { CommitteeMeetingEntity } from './committee-meeting.entity';
import { CommitteeConflictError, CommitteeNotFoundError, CommitteeRefusedError } from './committees.errors';
import { SteeringCommitteeEntity } from './steering-committee.entity';

function checkMembers(members: UpdateCommitteeBody['members']): void {
  const chairs = members.filter((m) => m.role === 'chair').length;
  if (chairs !== 1) throw new CommitteeRefusedError(`a committee has exactly one chair; ${chairs} given`);
  const twice = members.map((m) => m.username).find((u, i, all) => all.indexOf(u) !== i);
  if (twice) throw new CommitteeRefusedError(`${twice} is listed twice among the members`);
}

async function checkPrograms(manager: EntityManager, programIds: string[]): Promise<void> {
  const known = await manager.findBy(PortfolioProgramEntity, { programId: In(programIds) });
  const unknown = programIds.filter((id) => !known.some((p) => p.programId === id));
  if (unknown.length > 0) throw new CommitteeRefusedError(`unknown program ${unknown.join(', ')}: a committee steers registered programs`);
}

export interface CommitteeView extends SteeringCommitteeEntity {
  meetings: CommitteeMeetingEntity[];
}

const audit = (manager: EntityManager, actor: Principal, action: string, entityType: string, entityId: string, before: unknown, after: unknown) =>
  AuditLog.record(manager, { actor: { subject: actor.subject, name: actor.name }, action, entityType, entityId, before: before ?? undefined, after });

/** Steering committees and their meetings: who sits on them, what they steer, when they meet and who came. */
@Injectable()
export class CommitteesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  list(): Promise<SteeringCommitteeEntity[]> {
    return this.dataSource.manager.find(SteeringCommitteeEntity, { order: { name: 'ASC' } });
  }

  async get(committeeId: string): Promise<CommitteeView> {
    const committee = await this.dataSource.manager.findOneBy(SteeringCommitteeEntity, { id: committeeId });
    if (!committee) throw new CommitteeNotFoundError(`steering committee ${committeeId}`);
    const meetings = await this.dataSource.manager.find(CommitteeMeetingEntity, { where: { committeeId }, order: { scheduledOn: 'DESC' } });
    return { ...committee, meetings };
  }

  /** A committee has exactly one chair, each user once, and steers programs the portfolio knows. */
  create(input: CreateCommitteeBody, actor: Principal): Promise<SteeringCommitteeEntity> {
    checkMembers(input.members);
    return this.dataSource.transaction(async (manager) => {
      await checkPrograms(manager, input.programIds);
      if (await manager.existsBy(SteeringCommitteeEntity, { name: input.name }))
        throw new CommitteeConflictError(`a committee named ${input.name} exists already`);
      const saved = await manager.save(manager.create(SteeringCommitteeEntity, { id: randomUUID(), ...input, createdAt: this.clock.now() }));
      await audit(manager, actor, 'committee.created', 'steering-committee', saved.id, null, saved);
      return saved;
    });
  }

  /**
   * New members, programs and cadence, under the rules of the set-up. The meetings still open list the new
   * members (absent until recorded present; who was present stays present); closed minutes keep who sat then.
   */
  update(committeeId: string, input: UpdateCommitteeBody, actor: Principal): Promise<SteeringCommitteeEntity> {
    checkMembers(input.members);
    return this.dataSource.transaction(async (manager) => {
      const committee = await manager.findOne(SteeringCommitteeEntity, { where: { id: committeeId }, lock: { mode: 'pessimistic_write' } });
      if (!committee) throw new CommitteeNotFoundError(`steering committee ${committeeId}`);
      await checkPrograms(manager, input.programIds);
      const before = { ...committee };
      const saved = await manager.save(Object.assign(committee, { cadence: input.cadence, programIds: input.programIds, members: input.members }));
      const open = await manager.find(CommitteeMeetingEntity, { where: { committeeId, state: 'scheduled' }, lock: { mode: 'pessimistic_write' } });
      for (const meeting of open) {
        meeting.attendance = input.members.map((m) => ({
          username: m.username,
          present: meeting.attendance.some((a) => a.username === m.username && a.present),
        }));
        await manager.save(meeting);
      }
      await audit(manager, actor, 'committee.updated', 'steering-committee', committeeId, before, saved);
      return saved;
    });
  }

  /** A meeting on a day (past days too: a meeting held before the platform recorded it), one a day per committee. */
  scheduleMeeting(committeeId: string, scheduledOn: string, actor: Principal): Promise<CommitteeMeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const committee = await CommitteesService.committeeIn(manager, committeeId);
      memberActing(committee, actor);
      if (await manager.existsBy(CommitteeMeetingEntity, { committeeId, scheduledOn }))
        throw new CommitteeConflictError(`the committee ${committee.name} already meets on ${scheduledOn}`);
      const saved = await manager.save(
        manager.create(CommitteeMeetingEntity, {
          id: randomUUID(),
          committeeId,
          scheduledOn,
          state: 'scheduled',
          attendance: committee.members.map((m) => ({ username: m.username, present: false })),
          agendaBuiltAt: null,
          summary: null,
          closedAt: null,
          createdAt: this.clock.now(),
        }),
      );
      await audit(manager, actor, 'committee.meeting-scheduled', 'committee-meeting', saved.id, null, saved);
      return saved;
    });
  }

  /** Who of the members was present; the others were absent. */
  recordAttendance(committeeId: string, meetingId: string, input: RecordAttendanceBody, actor: Principal): Promise<CommitteeMeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { committee, meeting } = await CommitteesService.openMeetingIn(manager, committeeId, meetingId);
      memberActing(committee, actor);
      const strangers = input.present.filter((u) => !committee.members.some((m) => m.username === u));
      if (strangers.length > 0) throw new CommitteeRefusedError(`not a member of the committee: ${strangers.join(', ')}`);
      const before = { ...meeting };
      meeting.attendance = committee.members.map((m) => ({ username: m.username, present: input.present.includes(m.username) }));
      const saved = await manager.save(meeting);
      await audit(manager, actor, 'committee.attendance-recorded', 'committee-meeting', meetingId, before, saved);
      return saved;
    });
  }

  /** The minutes become final: no decision after it; at least one member must have been present. */
  close(committeeId: string, meetingId: string, summary: string, actor: Principal): Promise<CommitteeMeetingEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { committee, meeting } = await CommitteesService.openMeetingIn(manager, committeeId, meetingId);
      memberActing(committee, actor);
      if (!meeting.attendance.some((a) => a.present)) throw new CommitteeRefusedError('record who attended before closing the minutes');
      const before = { ...meeting };
      meeting.state = 'closed';
      meeting.summary = summary;
      meeting.closedAt = this.clock.now();
      const saved = await manager.save(meeting);
      await audit(manager, actor, 'committee.minutes-closed', 'committee-meeting', meetingId, before, saved);
      return saved;
    });
  }

  static async committeeIn(manager: EntityManager, committeeId: string): Promise<SteeringCommitteeEntity> {
    const committee = await manager.findOneBy(SteeringCommitteeEntity, { id: committeeId });
    if (!committee) throw new CommitteeNotFoundError(`steering committee ${committeeId}`);
    return committee;
  }

  /** The committee and its meeting, the meeting locked and still open for decisions (409 once closed). */
  static async openMeetingIn(
    manager: EntityManager,
    committeeId: string,
    meetingId: string,
  ): Promise<{ committee: SteeringCommitteeEntity; meeting: CommitteeMeetingEntity }> {
    const committee = await CommitteesService.committeeIn(manager, committeeId);
    const meeting = await manager.findOne(CommitteeMeetingEntity, { where: { id: meetingId, committeeId }, lock: { mode: 'pessimistic_write' } });
    if (!meeting) throw new CommitteeNotFoundError(`meeting ${meetingId} of committee ${committeeId}`);
    if (meeting.state === 'closed') throw new CommitteeConflictError(`the meeting of ${meeting.scheduledOn} is closed: its minutes are final`);
    return { committee, meeting };
  }
}
