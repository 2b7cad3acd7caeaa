import { Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { complianceRows } from '@pmo/contracts';
import { Clock, scheduleOnClock, type ClockJob } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog, systemActor } from '@pmo/persistence';
import { StandardsViewService } from '@pmo/standards-view';
import { VariancesService } from '../variances/variances.service';
import { DataSource } from 'typeorm';
import { ProgramEntity } from '../programs/program.entity';
import { ProgramProjectEntity } from '../projects/program-project.entity';
import { AdoptionDecisionEntity } from './adoption-decision.entity';
import { OverdueNoticeEntity } from './overdue-notice.entity';
import { ProgramStatusReportEntity } from './program-status-report.entity';

const CHECK_EVERY_MS = 60_000;

/**
 * Announces each project whose adoption deadline passed without a decision: once per project and version,
 * an `adoption.overdue` event and a notice in the program's view, by the service's (controllable) clock.
 */
@Injectable()
export class OverdueScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private job?: ClockJob;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly standards: StandardsViewService,
    private readonly variances: VariancesService,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.job = scheduleOnClock(this.clock, () => this.noticeNow(), CHECK_EVERY_MS, 'overdue notices');
  }

  // Before the pool closes (TypeORM closes it on application shutdown): a run in flight would fail on it.
  async beforeApplicationShutdown(): Promise<void> {
    await this.job?.stop();
  }

  private async noticeNow(): Promise<number> {
    const manager = this.dataSource.manager;
    const now = this.clock.now();
    const [programs, projects, decisions, reports, versions, notices, variances] = await Promise.all([
      manager.find(ProgramEntity),
      manager.find(ProgramProjectEntity),
      manager.find(AdoptionDecisionEntity),
      manager.find(ProgramStatusReportEntity),
      this.standards.versionFacts(),
      manager.find(OverdueNoticeEntity),
      this.variances.varianceFacts(),
    ]);
    const noticed = new Set(notices.map((n) => `${n.projectId}/${n.versionId}`));
    const overdue = complianceRows(
      programs.map((p) => ({ programId: p.id, tags: p.tags })),
      projects,
      versions,
      decisions,
      now,
      reports,
      variances,
    ).filter((row) => row.state === 'overdue' && !noticed.has(`${row.projectId}/${row.versionId}`));
    for (const row of overdue) {
      await this.dataSource.transaction(async (tx) => {
        // One notice per project and version even with two replicas on the clock: the one whose insert lands writes the event.
        const inserted = (await tx.query(
          `INSERT INTO overdue_notices (project_id, version_id, program_id, standard_key, version, adoption_deadline, noticed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING project_id`,
          [row.projectId, row.versionId, row.programId, row.standardKey, row.version, row.adoptionDeadline, now],
        )) as unknown[];
        if (inserted.length === 0) return;
        await this.outbox.add(tx, 'pmo.adoption.overdue.v1', {
          programId: row.programId,
          projectId: row.projectId,
          standardId: row.standardId,
          versionId: row.versionId,
          version: row.version,
          adoptionDeadline: row.adoptionDeadline,
          noticedAt: now.toISOString(),
        });
        await AuditLog.record(tx, {
          actor: systemActor('overdue-scheduler'),
          action: 'adoption.overdue-noticed',
          entityType: 'overdue-notice',
          entityId: `${row.projectId}/${row.versionId}`,
          after: {
            programId: row.programId,
            projectId: row.projectId,
            standardKey: row.standardKey,
            version: row.version,
            adoptionDeadline: row.adoptionDeadline,
            noticedAt: now,
          },
          reason: `no adoption decision by ${row.adoptionDeadline}`,
        });
      });
    }
    return overdue.length;
  }
}
