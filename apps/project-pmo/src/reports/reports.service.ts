import { Injectable } from '@nestjs/common';
import type { Principal } from '@pmo/auth';
import { Clock } from '@pmo/http';
import { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { StandardsViewService } from '@pmo/standards-view';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  healthFieldsOf,
  reportHealthOf,
  reportProblemsOf,
  userSchemaValidatorOf,
  type SetImplementationStatusBody,
  type SubmitStatusReportBody,
} from '@pmo/contracts';
import { ProjectsService } from '../projects/projects.service';
import { ImplementationStatusEntity } from './implementation-status.entity';
import { InvalidStatusReportError, ReportFormatNotFoundError, RequirementNotApplicableError } from './reports.errors';
import { StatusReportEntity } from './status-report.entity';

/** Status reports in the published formats, and the implementation status of each requirement. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    private readonly projects: ProjectsService,
    private readonly standards: StandardsViewService,
    private readonly clock: Clock,
  ) {}

  /** Stores a report that its format's schema accepts; an invalid one is refused whole, with every error. */
  async submitReport(projectId: string, input: SubmitStatusReportBody, actor: Principal): Promise<StatusReportEntity> {
    const project = await this.projects.getProject(projectId);
    const format = await this.standards.findReportFormat(input.formatVersionId);
    if (!format?.reportSchema || format.state !== 'published') throw new ReportFormatNotFoundError(input.formatVersionId);
    // A published format never changes: its validator is compiled once and cached by its content.
    const validate = userSchemaValidatorOf(format.reportSchema);
    if (!validate(input.report)) {
      throw new InvalidStatusReportError(reportProblemsOf(validate.errors ?? []));
    }
    const health = this.healthOf(format.reportSchema, input.report);
    return this.dataSource.transaction(async (manager) => {
      const report = await manager.save(
        manager.create(StatusReportEntity, {
          id: randomUUID(),
          projectId,
          formatVersionId: format.versionId,
          report: input.report,
          submittedAt: this.clock.now(),
        }),
      );
      await this.outbox.add(manager, 'pmo.status-report.submitted.v1', {
        reportId: report.id,
        projectId,
        programId: project.programId,
        formatVersionId: format.versionId,
        submittedAt: report.submittedAt.toISOString(),
        ...health,
      });
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'status-report.submitted',
        entityType: 'status-report',
        entityId: report.id,
        after: report,
      });
      return report;
    });
  }

  // The ratings go with the event, so the portfolio's metrics need no copy of the report itself.
  private healthOf(reportSchema: object, report: Record<string, unknown>) {
    const health = reportHealthOf(report, healthFieldsOf(reportSchema).fields);
    return Object.keys(health).length > 0 ? { health } : {};
  }

  listReports(projectId: string): Promise<StatusReportEntity[]> {
    return this.dataSource.manager.find(StatusReportEntity, { where: { projectId }, order: { submittedAt: 'DESC' } });
  }

  /** Records how far a requirement in force for the project is implemented; not-applicable needs a reason. */
  async setImplementationStatus(
    projectId: string,
    requirementId: string,
    input: SetImplementationStatusBody,
    actor: Principal,
  ): Promise<ImplementationStatusEntity> {
    const project = await this.projects.getProject(projectId);
    const inForce = await this.projects.requirementsOf(projectId);
    if (!inForce.some((r) => r.requirementId === requirementId && r.versionId === input.versionId))
      throw new RequirementNotApplicableError(requirementId, input.versionId);
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(ImplementationStatusEntity, { projectId, versionId: input.versionId, requirementId });
      const status = await manager.save(
        manager.create(ImplementationStatusEntity, {
          projectId,
          versionId: input.versionId,
          requirementId,
          status: input.status,
          reason: input.reason ?? '',
          evidenceLinks: input.evidenceLinks ?? [],
          updatedAt: this.clock.now(),
        }),
      );
      await this.outbox.add(manager, 'pmo.implementation.status-changed.v1', {
        projectId,
        programId: project.programId,
        versionId: input.versionId,
        requirementId,
        status: status.status,
        reason: status.reason,
        evidenceLinks: status.evidenceLinks,
        changedAt: status.updatedAt.toISOString(),
      });
      await AuditLog.record(manager, {
        actor: { subject: actor.subject, name: actor.name },
        action: 'implementation.status-changed',
        entityType: 'implementation-status',
        entityId: `${projectId}/${input.versionId}/${requirementId}`,
        before,
        after: status,
        reason: status.reason,
      });
      return status;
    });
  }
}
