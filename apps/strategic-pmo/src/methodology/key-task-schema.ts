import { validatorOf } from '@pmo/contracts';
import type { ErrorObject } from 'ajv/dist/2020';
import { RESPONSIBLE_PARTIES } from './playbook';

/** One reason a parsed document is not a key task, at a JSON pointer inside that document. */
export interface KeyTaskViolation {
  path: string;
  message: string;
}

const text = { type: 'string' } as const;
const textList = { type: 'array', items: text } as const;
// A phase or key task number is written either as a YAML number (1) or a label ("1a").
const ordinal = { type: ['number', 'string'], minLength: 1 } as const;
const partyItems = {
  type: 'array',
  items: {
    type: 'object',
    required: ['text', 'responsibleParty'],
    properties: { text, responsibleParty: { enum: RESPONSIBLE_PARTIES } },
  },
} as const;

// Unknown keys are allowed on purpose: methodologies carry their own fields, which import keeps in `extra`.
const keyTaskSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['phase', 'keyTask', 'name', 'objective', 'responsibleParty', 'category', 'activities'],
  properties: {
    layout: text,
    phase: ordinal,
    keyTask: ordinal,
    permalink: text,
    name: { type: 'string', minLength: 1 },
    objective: text,
    responsibleParty: { enum: RESPONSIBLE_PARTIES },
    category: { type: 'string', minLength: 1 },
    activities: partyItems,
    inputs: textList,
    outputs: textList,
    stakeholders: partyItems,
    bestPractice: textList,
    lessonsLearned: textList,
  },
} as const;

// The platform's own schema, so the contracts' one strict ajv instance (compiled once, cached).
const validate = validatorOf(keyTaskSchema);

/** Checks one parsed YAML document against the key task schema; returns every violation, none when valid. */
export function validateKeyTask(document: unknown): KeyTaskViolation[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map(toViolation);
}

function toViolation(error: ErrorObject): KeyTaskViolation {
  // Point at the missing key itself, so `/activities/0/text` reads the same as a wrong value there.
  if (error.keyword === 'required') {
    const missing = String(error.params['missingProperty']);
    return { path: `${error.instancePath}/${missing}`, message: `is required` };
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params['allowedValues'] as unknown[]).join(', ');
    return { path: error.instancePath, message: `must be one of: ${allowed}` };
  }
  return { path: error.instancePath, message: error.message ?? error.keyword };
}
