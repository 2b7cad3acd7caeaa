import { Type, type Static } from '@sinclair/typebox';
import { closedObject, uuid } from '../schemas';

/** How far back a metric's series goes: whole weeks ending now (a quarter is 13). */
export const METRIC_WEEKS = { min: 1, max: 26, default: 13 } as const;

/** GET /portfolio/metrics/*: the window in weeks and, optionally, one program. */
export const metricsQuery = closedObject({
  weeks: Type.Optional(
    Type.Integer({ minimum: METRIC_WEEKS.min, maximum: METRIC_WEEKS.max, default: METRIC_WEEKS.default, description: 'Weeks of history, ending now' }),
  ),
  program: Type.Optional({ ...uuid, description: 'Only this program' }),
});
export type MetricsQuery = Static<typeof metricsQuery>;
