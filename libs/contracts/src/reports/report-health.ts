import { stringEnum } from '../schemas';

/**
 * The JSON Schema keyword a report format puts on a property to say which health it reports:
 * `"x-pmo-health": "schedule"` (or `"budget"`, `"overall"`). The property's values must be ratings.
 */
export const HEALTH_KEYWORD = 'x-pmo-health';

export const HEALTH_MEASURES = ['schedule', 'budget', 'overall'] as const;
export type HealthMeasure = (typeof HEALTH_MEASURES)[number];

/** Ratings in order of gravity: a roll-up takes the worst. */
export const HEALTH_RATINGS = ['green', 'amber', 'red'] as const;
export type HealthRating = (typeof HEALTH_RATINGS)[number];

export const healthRating = stringEnum(HEALTH_RATINGS);

/** The health a report carried, by measure; a measure its format does not mark is absent. */
export type ReportHealth = Partial<Record<HealthMeasure, HealthRating>>;

/** Where a format's marked property sits in a report: the property names from the root. */
export interface HealthField {
  measure: HealthMeasure;
  path: string[];
}

export interface HealthFieldProblem {
  path: string;
  message: string;
}

type SchemaNode = Record<string, unknown>;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Marks are looked for along `properties` only: a value inside an array has no single place in a report.
function collect(node: SchemaNode, path: string[], fields: HealthField[], problems: HealthFieldProblem[]): void {
  const pointer = `/${path.join('/')}`;
  if (HEALTH_KEYWORD in node) {
    const measure = node[HEALTH_KEYWORD];
    const values = node.enum;
    if (!HEALTH_MEASURES.includes(measure as HealthMeasure)) {
      problems.push({ path: pointer, message: `${HEALTH_KEYWORD} must be one of ${HEALTH_MEASURES.join(', ')}` });
    } else if (path.length === 0) {
      problems.push({ path: pointer, message: `${HEALTH_KEYWORD} marks a property, not the report itself` });
    } else if (!Array.isArray(values) || values.length === 0 || values.some((v) => !HEALTH_RATINGS.includes(v as HealthRating))) {
      problems.push({ path: pointer, message: `a property marked ${HEALTH_KEYWORD} needs an enum of ratings only (${HEALTH_RATINGS.join(', ')})` });
    } else if (fields.some((f) => f.measure === measure)) {
      problems.push({ path: pointer, message: `${HEALTH_KEYWORD} "${measure}" marks more than one property` });
    } else {
      fields.push({ measure: measure as HealthMeasure, path });
    }
  }
  if (isNode(node.properties)) {
    for (const [name, child] of Object.entries(node.properties)) if (isNode(child)) collect(child, [...path, name], fields, problems);
  }
}

/** The properties a report format marks as schedule, budget or overall health, and what is wrong with its marks. */
export function healthFieldsOf(schema: object): { fields: HealthField[]; problems: HealthFieldProblem[] } {
  const fields: HealthField[] = [];
  const problems: HealthFieldProblem[] = [];
  if (isNode(schema)) collect(schema, [], fields, problems);
  return { fields, problems };
}

/** The health a report (valid against its format) carries in the marked properties; an absent optional one is left out. */
export function reportHealthOf(report: unknown, fields: readonly HealthField[]): ReportHealth {
  const health: ReportHealth = {};
  for (const { measure, path } of fields) {
    let value: unknown = report;
    for (const name of path) value = isNode(value) ? value[name] : undefined;
    if (HEALTH_RATINGS.includes(value as HealthRating)) health[measure] = value as HealthRating;
  }
  return health;
}
