import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { decisionsToCarry, type ReopenedRequirement, type StandardVersionPublishedV1 } from '@pmo/contracts';
import { EventOutbox, PmoEventContext } from '@pmo/messaging';
import { systemActor } from '@pmo/persistence';
import { In, IsNull } from 'typeorm';
import { ProgramProjectEntity } from '../projects/program-project.entity';
import { AdoptionDecisionEntity } from './adoption-decision.entity';
import { recordDecisions } from './decision-record';

const ACTOR = systemActor('carry-forward');

/**
 * Rule 7: when a version supersedes one the program's projects had decided on, each open project's latest decision
 * carries over to it for the requirements that did not change; the changed ones reopen, each with its reason (see
 * `carryForward`). Recorded with `adoption.decided` in the inbox transaction of `version-published`, beside the
 * standards view's own handler of the event.
 */
@Controller()
export class CarryForwardEvents {
  constructor(private readonly outbox: EventOutbox) {}

  @EventPattern('pmo.standard.version-published.v1')
  async onVersionPublished(@Payload() event: StandardVersionPublishedV1, @Ctx() context: PmoEventContext): Promise<void> {
    const superseded = event.supersedes ?? [];
    if (superseded.length === 0) return;
    const manager = context.manager;
    const decisions = await manager.find(AdoptionDecisionEntity, {
      where: { versionId: In(superseded.map((s) => s.versionId)) },
      order: { decidedAt: 'ASC' },
    });
    if (decisions.length === 0) return;
    const open = new Set(
      (await manager.find(ProgramProjectEntity, { where: { projectId: In([...new Set(decisions.map((d) => d.projectId))]), closedAt: IsNull() } })).map(
        (p) => p.projectId,
      ),
    );
    const version = { standardId: event.standardId, versionId: event.versionId, version: event.version };
    for (const { from, supersededVersion, carried } of decisionsToCarry(decisions, superseded, event)) {
      if (!open.has(from.projectId)) continue;
      await recordDecisions(manager, this.outbox, {
        programId: from.programId,
        version,
        projectIds: [from.projectId],
        decision: carried.decision,
        choices: carried.choices,
        reason: reasonOf(supersededVersion.version, carried.reopened),
        actor: ACTOR,
        decidedAt: new Date(event.publishedAt),
        carried: { from: { decisionId: from.id, versionId: supersededVersion.versionId, version: supersededVersion.version }, reopened: carried.reopened },
      });
    }
  }
}

// The reasons in full are in `reopened`; the decision's reason says it in a line, within the event's 2000 characters.
function reasonOf(from: string, reopened: readonly ReopenedRequirement[]): string {
  if (reopened.length === 0) return `carried from ${from}: no requirement it covers changed`;
  const reason = `carried from ${from}; reopened: ${reopened.map((r) => r.reason).join('; ')}`;
  return reason.length <= 2000 ? reason : `${reason.slice(0, 1999)}…`;
}
