import { randomBytes } from 'node:crypto';

/** A short random suffix for names that must not collide between tests or runs (databases, groups, topics). */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}
