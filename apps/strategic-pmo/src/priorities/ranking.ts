/** A project as a ranking sees it: placed projects keep their order, newcomers join at the end by registration. */
export interface RankMember {
  projectId: string;
  registeredAt: Date;
}

/**
 * The order of a ranking's members: the stored order of those still in it (a closed project leaves, and the
 * ones below it move up one place), then the projects not yet placed, oldest registration first.
 */
export function orderOf(stored: readonly string[], members: readonly RankMember[]): string[] {
  const ids = new Set(members.map((m) => m.projectId));
  const kept = stored.filter((id) => ids.has(id));
  const placed = new Set(kept);
  const newcomers = members
    .filter((m) => !placed.has(m.projectId))
    .sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime() || a.projectId.localeCompare(b.projectId))
    .map((m) => m.projectId);
  return [...kept, ...newcomers];
}

/**
 * The order after moving a project to `rank` (1 first): it takes that place, and the projects between its old
 * and new places shift one place towards where it came from; no one else moves.
 */
export function moveTo(order: readonly string[], projectId: string, rank: number): string[] {
  if (!order.includes(projectId)) throw new RangeError(`project ${projectId} is not in the ranking`);
  if (!Number.isInteger(rank) || rank < 1 || rank > order.length) throw new RangeError(`rank ${rank} is outside 1–${order.length}`);
  const rest = order.filter((id) => id !== projectId);
  return [...rest.slice(0, rank - 1), projectId, ...rest.slice(rank - 1)];
}

/** The scope key of a ranking's row. */
export function scopeKeyOf(scope: 'program' | 'portfolio', programId: string): string {
  return scope === 'portfolio' ? 'portfolio' : `program:${programId}`;
}
