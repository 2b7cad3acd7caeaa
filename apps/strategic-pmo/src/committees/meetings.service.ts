import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import { Clock } from '@pmo/http';
import { AuditLog } from '@pmo/persistence';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PortfolioComplianceService } from '../portfolio/portfolio-compliance.service';
import { AGENDA_SOURCES, type AgendaDraft } from './agenda-sources';
import { AgendaItemEntity } from './agenda-item.entity';
import { memberActing } from './committee-access';
import { CommitteeDecisionEntity } from './committee-decision.entity';
import { CommitteeMeetingEntity } from './committee-meeting.entity';
import { CommitteesService } from './committees.service';
import { CommitteeNotFoundError } from './committees.errors';
import { decisionsCsv, minutesMarkdown, type MinutesFacts } from './minutes';
import { SteeringCommitteeEntity } from './steering-committee.entity';

interface AgendaItemView extends AgendaItemEntity {
  decision: CommitteeDecisionEntity | null;
}

export interface MeetingView extends CommitteeMeetingEntity {
  committeeName: string;
  items: AgendaItemView[];
}

const keyOf = (item: Pick<AgendaDraft, 'source' | 'subjectId' | 'standardId'>) => `${item.source}/${item.subjectId}/${item.standardId ?? ''}`;

/** A meeting's agenda, built from what needs a decision in the committee's programs, and its minutes. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly compliance: PortfolioComplianceService,
  ) {}

  async get(committeeId: string, meetingId: string): Promise<MeetingView> {
    const manager = this.dataSource.manager;
    const committee = await CommitteesService.committeeIn(manager, committeeId);
    const meeting = await manager.findOneBy(CommitteeMeetingEntity, { id: meetingId, committeeId });
    if (!meeting) throw new CommitteeNotFoundError(`meeting ${meetingId} of committee ${committeeId}`);
    const [items, decisions] = await Promise.all([
      manager.find(AgendaItemEntity, { where: { meetingId }, order: { position: 'ASC' } }),
      manager.find(CommitteeDecisionEntity, { where: { meetingId }, order: { decidedAt: 'ASC' } }),
    ]);
    const decisionOf = new Map(decisions.map((d) => [d.itemId, d]));
    return { ...meeting, committeeName: committee.name, items: items.map((item) => ({ ...item, decision: decisionOf.get(item.id) ?? null })) };
  }

  /**
   * Adds to the agenda what needs a decision now in the committee's programs, from every agenda source;
   * items already on it stay where they are (decided or not), so building it again only adds what is new.
   */
  async buildAgenda(committeeId: string, meetingId: string, actor: Principal): Promise<MeetingView> {
    await this.dataSource.transaction(async (manager) => {
      const { committee, meeting } = await CommitteesService.openMeetingIn(manager, committeeId, meetingId);
      memberActing(committee, actor);
      const scope = {
        manager,
        programIds: committee.programIds,
        today: this.clock.today(),
        complianceRows: () => this.compliance.rowsAt(this.clock.now()),
      };
      // One source after the other: they share the transaction's one connection.
      const drafts = [];
      for (const source of AGENDA_SOURCES) drafts.push(...(await source.itemsFor(scope)));
      const existing = await manager.find(AgendaItemEntity, { where: { meetingId } });
      const onAgenda = new Set(existing.map(keyOf));
      const fresh = drafts.filter((d) => !onAgenda.has(keyOf(d)) && onAgenda.add(keyOf(d)));
      const added = await manager.save(
        fresh.map((draft, i) => manager.create(AgendaItemEntity, { ...draft, id: randomUUID(), meetingId, position: existing.length + i + 1, state: 'open' })),
      );
      const before = { ...meeting };
      meeting.agendaBuiltAt = this.clock.now();
      await manager.save(meeting);
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'committee.agenda-built',
        entityType: 'committee-meeting',
        entityId: meetingId,
        before: { agendaBuiltAt: before.agendaBuiltAt, items: existing.length },
        after: {
          agendaBuiltAt: meeting.agendaBuiltAt,
          added: added.map(({ id, source, subjectKind, subjectId, title }) => ({ id, source, subjectKind, subjectId, title })),
        },
      });
    });
    return this.get(committeeId, meetingId);
  }

  async minutes(committeeId: string, meetingId: string): Promise<string> {
    return minutesMarkdown(await this.minutesFacts(committeeId, meetingId));
  }

  async decisionLog(committeeId: string, meetingId: string): Promise<string> {
    return decisionsCsv(await this.minutesFacts(committeeId, meetingId));
  }

  private async minutesFacts(committeeId: string, meetingId: string): Promise<MinutesFacts> {
    const view = await this.get(committeeId, meetingId);
    const committee = (await this.dataSource.manager.findOneBy(SteeringCommitteeEntity, { id: committeeId })) as SteeringCommitteeEntity;
    return {
      committee,
      meeting: view,
      items: view.items,
      decisions: view.items.flatMap((item) => (item.decision ? [item.decision] : [])),
    };
  }
}
