import { Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import type { ComplianceRowFacts } from '@pmo/contracts';
import { Clock, scheduleOnClock, type ClockJob } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog, systemActor } from '@pmo/persistence';
import { DataSource } from 'typeorm';
import { ProgramComplianceModel } from '../compliance/program-compliance-model';

const CHECK_EVERY_MS = 60_000;

/** A row of the read model overdue now with no notice yet. */
type OverdueRow = Omit<ComplianceRowFacts, 'state'>;

/**
 * Announces each project whose adoption deadline passed without a decision: once per project and version,
 * an `adoption.overdue` event and a notice in the program's view, by the service's (controllable) clock.
 * Which rows are overdue now is read from the compliance read model (its rows valid now, the model caught up
 * with the clock first), not computed again from every program's facts.
 */
@Injectable()
export class OverdueScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private job?: ClockJob;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly compliance: ProgramComplianceModel,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.job = scheduleOnClock(this.clock, () => this.noticeNow(), CHECK_EVERY_MS, 'overdue notices');
  }

  // Before the pool closes (TypeORM closes it on application shutdown): a run in flight would fail on it.
  async beforeApplicationShutdown(): Promise<void> {
    await this.job?.stop();
  }

  // Until 2026-12 this loaded every program, project, decision, report, version and variance and evaluated
  // every row in Node each minute: 500,000 rows for 10,000 projects × 50 versions, a 1.8-5 s stall of the
  // event loop (every request waited) and hundreds of MB allocated. The model holds the same answers.
  private async noticeNow(): Promise<number> {
    const now = this.clock.now();
    await this.compliance.keeper.current();
    const overdue = (await this.dataSource.query(
      `SELECT i.program_id AS "programId", i.project_id AS "projectId", i.standard_id AS "standardId", i.standard_key AS "standardKey",
         i.version_id AS "versionId", i.version, i.adoption_deadline::text AS "adoptionDeadline"
       FROM program_compliance_intervals i
       WHERE i.state = 'overdue' AND i.valid @> $1::timestamptz
         AND NOT EXISTS (SELECT 1 FROM overdue_notices n WHERE n.project_id = i.project_id AND n.version_id = i.version_id)
       ORDER BY i.program_id, i.project_id, i.version_id`,
      [now],
    )) as OverdueRow[];
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
