import type { PriorityPolicy, PriorityScope, RankRule } from '@pmo/contracts';

/** What a policy's body must satisfy beyond its schema: unique criteria whose weights sum to 100. */
export function policyProblems(policy: PriorityPolicy): string[] {
  const problems: string[] = [];
  const keys = policy.criteria.map((c) => c.key);
  const twice = keys.filter((key, i) => keys.indexOf(key) !== i);
  if (twice.length > 0) problems.push(`criteria named twice: ${[...new Set(twice)].join(', ')}`);
  const total = policy.criteria.reduce((sum, c) => sum + c.weight, 0);
  if (total !== 100) problems.push(`the criteria weights sum to ${total}, not 100`);
  return problems;
}

/** What a change needs: the caller's roles (a program manager's already limited to his programs) and the move. */
export interface ChangeAttempt {
  roles: readonly string[];
  fromRank: number;
  toRank: number;
}

export type Judgement = { verdict: 'apply' } | { verdict: 'ask' | 'refuse'; why: string };

/**
 * Whether a policy's rule lets the caller make a move directly, lets him ask for it, or refuses it;
 * `why` says what the policy does not allow, for the refusal's message.
 */
export function judgeChange(rule: RankRule, scope: PriorityScope, attempt: ChangeAttempt): Judgement {
  const has = (list: readonly string[]) => list.some((role) => attempt.roles.includes(role));
  const distance = Math.abs(attempt.fromRank - attempt.toRank);
  let why: string;
  if (!has(rule.changeRoles)) why = `your roles may not change a ${scope} rank directly (the policy allows ${listed(rule.changeRoles)})`;
  else if (rule.maxMove !== null && distance > rule.maxMove)
    why = `a direct change may move a project at most ${rule.maxMove} place(s) in the ${scope} ranking; this one moves it ${distance}`;
  else return { verdict: 'apply' };
  return has(rule.askRoles) ? { verdict: 'ask', why } : { verdict: 'refuse', why };
}

/** Whether the caller may decide a change asked for: a deciding role, and not the one who asked. */
export function mayDecide(rule: RankRule, roles: readonly string[], subject: string, askedBy: string): string | null {
  if (subject === askedBy) return 'the one who asked for a priority change may not decide it';
  if (!rule.decideRoles.some((role) => roles.includes(role)))
    return `your roles may not decide a priority change (the policy allows ${listed(rule.decideRoles)})`;
  return null;
}

/** Scores must name each criterion of the policy, and only those. */
export function scoreProblems(policy: Pick<PriorityPolicy, 'criteria'>, scores: Readonly<Record<string, number>>): string[] {
  const keys = policy.criteria.map((c) => c.key);
  const missing = keys.filter((key) => !(key in scores));
  const unknown = Object.keys(scores).filter((key) => !keys.includes(key));
  return [
    ...(missing.length > 0 ? [`scores missing for ${missing.join(', ')}`] : []),
    ...(unknown.length > 0 ? [`the policy has no criterion ${unknown.join(', ')} (it scores ${keys.join(', ')})`] : []),
  ];
}

/** The weighted score of a set of criteria scores (0–10), on the policy's weights; criteria not scored count 0. */
export function weightedScore(policy: Pick<PriorityPolicy, 'criteria'>, scores: Readonly<Record<string, number>>): number {
  const sum = policy.criteria.reduce((total, c) => total + c.weight * (scores[c.key] ?? 0), 0);
  return Math.round(sum) / 100;
}

function listed(roles: readonly string[]): string {
  return roles.length === 0 ? 'no role' : roles.join(', ');
}
