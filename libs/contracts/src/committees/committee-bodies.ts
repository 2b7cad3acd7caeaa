import { Type, type Static } from '@sinclair/typebox';
import { closedObject, isoDate, stringEnum, uuid } from '../schemas';

// Steering committees of the strategic PMO: members (platform users by username) with a committee role, the
// programs each steers, a cadence; meetings with an agenda built from what needs a decision. See docs/steering-committees.md.

/** A member's role in the committee; one chair per committee. */
export const COMMITTEE_ROLES = ['chair', 'secretary', 'member'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

/** How often the committee meets. */
export const COMMITTEE_CADENCES = ['weekly', 'fortnightly', 'monthly', 'quarterly'] as const;
export type CommitteeCadence = (typeof COMMITTEE_CADENCES)[number];

/** What a resolution on an agenda item whose effect no service applies records. */
const RESOLUTION_OUTCOMES = ['noted', 'directed', 'deferred'] as const;
export type ResolutionOutcome = (typeof RESOLUTION_OUTCOMES)[number];

const text = (max: number, example: string, description?: string) =>
  Type.String({ minLength: 1, maxLength: max, example, ...(description ? { description } : {}) });
const username = Type.String({
  pattern: '^[a-z0-9][a-z0-9._@-]{0,99}$',
  errorMessage: 'must be a platform username such as sam.strategic',
  example: 'sam.strategic',
  description: "The platform user's username (Keycloak preferred_username)",
});

// What a committee is set up with and may change later; its name names it and stays.
const committeeSetUp = {
  cadence: stringEnum(COMMITTEE_CADENCES, { description: 'How often it meets' }),
  programIds: Type.Array(uuid, { minItems: 1, maxItems: 50, uniqueItems: true, description: 'The programs it steers' }),
  members: Type.Array(closedObject({ username, name: text(200, 'Sam Strategic'), role: stringEnum(COMMITTEE_ROLES, { description: 'Exactly one chair' }) }), {
    minItems: 1,
    maxItems: 30,
  }),
};

/** POST /committees: a steering committee and who sits on it. */
export const createCommitteeBody = closedObject({
  name: text(200, 'Finance transformation steering committee'),
  ...committeeSetUp,
});
export type CreateCommitteeBody = Static<typeof createCommitteeBody>;

/** PUT /committees/{committeeId}: its members, programs and cadence after set-up, replaced whole (the name stays). */
export const updateCommitteeBody = closedObject(committeeSetUp);
export type UpdateCommitteeBody = Static<typeof updateCommitteeBody>;

/** POST /committees/{committeeId}/meetings: a meeting on a date. */
export const scheduleMeetingBody = closedObject({
  scheduledOn: { ...isoDate, description: 'The day it meets', example: '2026-12-15' },
});
export type ScheduleMeetingBody = Static<typeof scheduleMeetingBody>;

/** PUT /committees/{committeeId}/meetings/{meetingId}/attendance: who of the members was present. */
export const recordAttendanceBody = closedObject({
  present: Type.Array(username, { maxItems: 30, uniqueItems: true, description: 'Usernames of the members present; the others were absent' }),
});
export type RecordAttendanceBody = Static<typeof recordAttendanceBody>;

/** POST /committees/{committeeId}/meetings/{meetingId}/resolutions: a decision on an item whose effect no service applies. */
export const recordResolutionBody = closedObject({
  itemId: { ...uuid, description: 'The agenda item it decides' },
  outcome: stringEnum(RESOLUTION_OUTCOMES, { description: 'noted, directed (an instruction to the program) or deferred to a later meeting' }),
  reason: text(2000, 'The program brings its adoption plan to the next meeting'),
});
export type RecordResolutionBody = Static<typeof recordResolutionBody>;

/** POST /committees/{committeeId}/meetings/{meetingId}/decisions/variance-reviews/{varianceId}: an approval needing review, confirmed or revoked. */
export const reviewVarianceBody = closedObject({
  outcome: stringEnum(['confirm', 'revoke'] as const, {
    description: 'confirm: the approval stands on its new ground; revoke: its projects return to what applies without it',
  }),
  reason: text(2000, 'The new major version keeps the requirement the variance is about'),
});
export type ReviewVarianceBody = Static<typeof reviewVarianceBody>;

/** POST /committees/{committeeId}/meetings/{meetingId}/close: the minutes' summary; no decision after it. */
export const closeMeetingBody = closedObject({
  summary: text(5000, 'The committee approved the cadence variance and asked for an adoption plan'),
});
export type CloseMeetingBody = Static<typeof closeMeetingBody>;
