import type { AdoptionDecision, ReopenedRequirement } from '@pmo/contracts';
import type { EventOutbox } from '@pmo/messaging';
import { AuditLog } from '@pmo/persistence';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AdoptionDecisionEntity } from './adoption-decision.entity';

/** One decision for several projects of a program on one standard version, as the caller checked it. */
export interface DecisionToRecord {
  programId: string;
  version: { standardId: string; versionId: string; version: string };
  projectIds: readonly string[];
  decision: AdoptionDecision;
  choices: Record<string, number | string>;
  reason: string;
  actor: { subject: string; name: string };
  decidedAt: Date;
  /** A decision carried over from the version it was taken on (rule 7), with what it reopened. */
  carried?: { from: { decisionId: string; versionId: string; version: string }; reopened: ReopenedRequirement[] };
}

/**
 * Writes the decisions, their `adoption.decided` events and audit entries in the caller's transaction: the one
 * path by which a decision is recorded, whether a program decides or a variance request implies it. Three
 * statements whatever the number of projects: a bulk adoption of 50 projects was some 200 round trips (a save
 * SELECTs each new id first, then an event and an audit entry each), all of them inside the transaction that
 * then holds the compliance model's lock until it commits.
 */
export async function recordDecisions(manager: EntityManager, outbox: EventOutbox, d: DecisionToRecord): Promise<AdoptionDecisionEntity[]> {
  const decisions = d.projectIds.map((projectId) =>
    manager.create(AdoptionDecisionEntity, {
      id: randomUUID(),
      programId: d.programId,
      projectId,
      standardId: d.version.standardId,
      versionId: d.version.versionId,
      version: d.version.version,
      decision: d.decision,
      choices: d.choices,
      reason: d.reason,
      carriedFrom: d.carried?.from ?? null,
      reopened: d.carried?.reopened ?? [],
      actorSubject: d.actor.subject,
      actorName: d.actor.name,
      decidedAt: d.decidedAt,
    }),
  );
  if (decisions.length === 0) return decisions;
  await manager.insert(AdoptionDecisionEntity, decisions);
  await outbox.addStaged(
    manager,
    decisions.map((decision) =>
      outbox.stage('pmo.adoption.decided.v1', {
        decisionId: decision.id,
        programId: d.programId,
        projectId: decision.projectId,
        standardId: decision.standardId,
        versionId: decision.versionId,
        version: decision.version,
        decision: decision.decision,
        choices: decision.choices,
        reason: decision.reason,
        actor: d.actor,
        decidedAt: d.decidedAt.toISOString(),
        ...(d.carried ? { carriedFrom: d.carried.from, reopened: d.carried.reopened } : {}),
      }),
    ),
  );
  // Audited after the writes: the audit chain's lock is then held only from here to the commit.
  await AuditLog.recordAll(
    manager,
    decisions.map((decision) =>
      AuditLog.entry({
        actor: d.actor,
        action: `adoption.${decision.decision}`,
        entityType: 'adoption-decision',
        entityId: decision.id,
        after: decision,
        reason: decision.reason,
      }),
    ),
  );
  return decisions;
}
