/** Who carries a task, an activity or a stakeholder role. */
export const RESPONSIBLE_PARTIES = ['customer', 'provider', 'shared'] as const;
export type ResponsibleParty = (typeof RESPONSIBLE_PARTIES)[number];

export interface PartyItem {
  text: string;
  responsibleParty: ResponsibleParty;
}

/**
 * One key task of a methodology, in the shape of the playbook's YAML front matter.
 * Keys the platform does not know are kept in `extra`, in their original order, so export gives them back.
 */
export interface KeyTask {
  phase: number | string;
  keyTask: number | string;
  name: string;
  objective: string;
  responsibleParty: ResponsibleParty;
  category: string;
  activities: PartyItem[];
  inputs: string[];
  outputs: string[];
  stakeholders: PartyItem[];
  bestPractice: string[];
  lessonsLearned: string[];
  layout?: string;
  permalink?: string;
  extra: Record<string, unknown>;
}

/** A methodology version's body: phases → key tasks. */
export interface Playbook {
  phases: Phase[];
}

export interface Phase {
  phase: number | string;
  keyTasks: KeyTask[];
}
