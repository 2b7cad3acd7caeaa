import type { DemoApi } from './demo-api';

// The strategic PMO building itself out (the PMOStep model): its foundation, two assessments half a year
// apart with maturity rising between them, the products and services that close the gaps, and a roadmap
// of two waves, the first under way.
const FOUNDATION = {
  officeType: 'portfolio',
  organisationalScope: 'All IT-enabled change programs of the finance and HR divisions, and the regulated payments platform',
  sponsor: 'Chief Financial Officer',
  customers: ['Program managers', 'Project managers', 'Executive steering committee'],
  stakeholders: ['Internal audit', 'Banking regulator liaison', 'Shared-service provider PMO'],
  capacityPerWave: 16,
  changesPerWave: 3,
};

const rating = (element: string, currentLevel: number, futureLevel: number, effortWeeks: number, currentState: string, futureState: string) => ({
  element,
  currentLevel,
  futureLevel,
  effortWeeks,
  currentState,
  futureState,
});

const FIRST_ASSESSMENT = [
  rating('methodology', 1, 4, 10, 'Each program plans in its own way', 'One life-cycle methodology, tailored within published leeway'),
  rating('training', 1, 3, 6, 'No project management training', 'Every project manager trained on the methodology'),
  rating('tools', 2, 4, 8, 'Spreadsheets and two scheduling tools', 'One scheduling tool and the platform for governance'),
  rating('reporting', 2, 4, 4, 'Status in slide decks, no common format', 'One status report format, red/amber/green rolled up'),
  rating('resourcing', 2, 3, 5, 'Project managers borrowed from line teams', 'A pool of project managers assigned by the PMO'),
  rating('governance', 1, 4, 6, 'Decisions taken ad hoc in line meetings', 'Steering committees with a decision log'),
  rating('organisation', 2, 3, 4, 'Projects seen as extra work', 'Projects seen as how change is delivered'),
];
const SECOND_ASSESSMENT = [
  rating('methodology', 3, 4, 4, 'The life-cycle methodology is published and used by most programs', 'Used and measured everywhere'),
  rating('training', 2, 3, 3, 'Half of the project managers trained', 'Every project manager trained on the methodology'),
  rating('reporting', 3, 4, 2, 'One status report format, validated by the platform', 'Roll-ups used by the steering committees'),
  rating('governance', 2, 4, 4, 'Variances decided by the strategic PMO', 'Steering committees with a decision log'),
];

const OFFERINGS = [
  {
    name: 'Life-cycle methodology',
    kind: 'product',
    closesGaps: ['methodology'],
    priority: 1,
    effortWeeks: 6,
    description: 'The methodology playbook: phases, key tasks, deliverables and roles',
  },
  {
    name: 'Project management training',
    kind: 'service',
    closesGaps: ['training'],
    priority: 1,
    effortWeeks: 5,
    description: 'A three-day course on the methodology for every project manager',
  },
  {
    name: 'Status reporting and roll-ups',
    kind: 'service',
    closesGaps: ['reporting', 'governance'],
    priority: 2,
    effortWeeks: 4,
    description: 'One report format and the red/amber/green roll-up for the steering committees',
  },
  {
    name: 'Scheduling tool',
    kind: 'product',
    closesGaps: ['tools'],
    priority: 2,
    effortWeeks: 6,
    description: 'One scheduling tool, configured for the methodology',
  },
  {
    name: 'Project manager pool',
    kind: 'service',
    closesGaps: ['resourcing', 'organisation'],
    priority: 3,
    effortWeeks: 5,
    description: 'Project managers assigned from a pool the PMO keeps',
  },
];

const DAY = 86_400_000;
const dayFrom = (today: string, days: number) => new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Loads the build-out unless its foundation is already recorded. */
export async function loadDemoBuildout(api: DemoApi): Promise<boolean> {
  const base = `${api.urls['strategic-pmo']}/buildout`;
  const assessments = (await api.call('GET', `${base}/assessments`)) as unknown[];
  if (assessments.length > 0) return false;
  const today = ((await api.call('GET', `${api.urls['strategic-pmo']}/clock`)) as { now: string }).now.slice(0, 10);
  await api.call('PUT', `${base}/foundation`, FOUNDATION);
  await api.call('POST', `${base}/assessments`, { assessedOn: dayFrom(today, -180), elements: FIRST_ASSESSMENT });
  await api.call('POST', `${base}/assessments`, { assessedOn: dayFrom(today, -20), elements: SECOND_ASSESSMENT });
  const ids: Record<string, string> = {};
  for (const offering of OFFERINGS) ids[offering.name] = ((await api.call('POST', `${base}/offerings`, offering)) as { id: string }).id;
  await api.call('POST', `${base}/waves`, {
    name: 'Wave 1: methodology and skills',
    owner: 'Head of the strategic PMO',
    startsOn: dayFrom(today, -90),
    endsOn: dayFrom(today, 30),
    offeringIds: [ids['Life-cycle methodology'], ids['Project management training'], ids['Status reporting and roll-ups']],
  });
  await api.call('POST', `${base}/waves`, {
    name: 'Wave 2: tools and people',
    owner: 'PMO tools and resourcing lead',
    startsOn: dayFrom(today, 31),
    endsOn: dayFrom(today, 150),
    offeringIds: [ids['Scheduling tool'], ids['Project manager pool']],
  });
  await api.call('PUT', `${base}/offerings/${ids['Life-cycle methodology']}/state`, { state: 'deployed' });
  await api.call('PUT', `${base}/offerings/${ids['Status reporting and roll-ups']}/state`, { state: 'deployed' });
  await api.call('PUT', `${base}/offerings/${ids['Project management training']}/state`, { state: 'in-progress' });
  return true;
}
