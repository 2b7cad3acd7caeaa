import type { PmoRole, Principal } from '@pmo/auth';
import { CommitteeActorRefusedError } from './committees.errors';
import type { CommitteeMember, SteeringCommitteeEntity } from './steering-committee.entity';

/** The member the caller is, or a refusal: only members act for a committee. */
export function memberActing(committee: SteeringCommitteeEntity, actor: Principal): CommitteeMember {
  const member = committee.members.find((m) => m.username === actor.username);
  if (!member) throw new CommitteeActorRefusedError(`${actor.username} is not a member of the committee ${committee.name}`);
  return member;
}

/** A decision's effect is applied only by a member whose platform role may apply it through its owner's route. */
export function requirePlatformRole(actor: Principal, allowed: readonly PmoRole[], what: string): void {
  if (!actor.roles.some((role) => (allowed as readonly string[]).includes(role)))
    throw new CommitteeActorRefusedError(`${actor.username} may not ${what}: it needs the platform role ${allowed.join(' or ')}`);
}
