import { Type, type Static } from '@sinclair/typebox';
import { closedObject, isoDate, stringEnum } from '../schemas';
import { MILESTONE_KINDS, scheduledMilestoneSchema } from './project-schedule-changed.v1';

const name = { ...scheduledMilestoneSchema.properties.name, description: 'What is reached on that day', example: 'Ledger go-live' };
const kind = stringEnum(MILESTONE_KINDS, { description: 'A milestone, or the go-live of what the project delivers' });
const dueOn = { ...isoDate, description: 'The planned day', example: '2027-03-31' };

/** POST /projects/{id}/milestones: a dated point of the project's plan. */
export const addMilestoneBody = closedObject({ name, kind: Type.Optional({ ...kind, default: 'milestone' }), dueOn });
export type AddMilestoneBody = Static<typeof addMilestoneBody>;

/** PATCH /projects/{id}/milestones/{milestoneId}: renamed or moved; fields left out stay as they are. */
export const changeMilestoneBody = Type.Partial(closedObject({ name, kind, dueOn }), { minProperties: 1 });
export type ChangeMilestoneBody = Static<typeof changeMilestoneBody>;
