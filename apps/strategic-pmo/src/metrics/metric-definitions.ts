/** One metric as the screens show it beside its chart: what it counts, how, in what unit, from which stored rows. */
export interface MetricDefinition {
  id: MetricId;
  name: string;
  formula: string;
  unit: string;
  source: string;
}

type MetricId =
  | 'project-health'
  | 'program-health'
  | 'portfolio-health'
  | 'health-trend'
  | 'red-reports'
  | 'variance-decision-time'
  | 'variance-on-time'
  | 'adoption-burn-up'
  | 'compliance-trend';

/** A status report speaks for its project for this many days; after that the project counts as unrated. */
export const REPORT_VALID_DAYS = 35;

const REPORTS = 'status reports (portfolio_status_reports, from status-report.submitted), ratings from the properties the format marks x-pmo-health';

/** The catalog, in the order the metrics screen shows them. */
export const METRIC_DEFINITIONS: readonly MetricDefinition[] = [
  {
    id: 'project-health',
    name: 'Schedule and budget health per project',
    formula: `The schedule, budget and overall rating of the project's latest status report of the last ${REPORT_VALID_DAYS} days; overall is the report's own overall rating, or else the worse of schedule and budget.`,
    unit: 'rating (green, amber, red)',
    source: REPORTS,
  },
  {
    id: 'program-health',
    name: 'Program roll-up',
    formula:
      "Over the program's open projects with a current overall rating: red when at least 25% are red; amber when any is red or at least 25% are amber or red; green otherwise; unrated when none is rated.",
    unit: 'rating',
    source: `${REPORTS}; programs and projects (portfolio_programs, portfolio_projects)`,
  },
  {
    id: 'portfolio-health',
    name: 'Portfolio roll-up',
    formula: "The program rule applied to the programs' roll-ups: red when at least 25% of rated programs are red, and so on.",
    unit: 'rating',
    source: 'the program roll-ups',
  },
  {
    id: 'health-trend',
    name: 'Project health over time',
    formula: `At the end of each week, the number of open projects whose report then current (at most ${REPORT_VALID_DAYS} days old) rated them green, amber or red overall.`,
    unit: 'projects per week',
    source: REPORTS,
  },
  {
    id: 'red-reports',
    name: 'Red reports awaiting escalation',
    formula:
      'Open projects whose current report is red overall; the age is the days since the first report of the unbroken run of red reports that ends with it (reports of the last 365 days).',
    unit: 'projects; days',
    source: REPORTS,
  },
  {
    id: 'variance-decision-time',
    name: 'Time to decide a variance',
    formula:
      'For each variance request first decided (approved, approved with conditions or rejected) in the week: days from its submission to its decision; the median per week.',
    unit: 'days (median)',
    source: 'variance cases (variance_cases: submitted_at, decided_at)',
  },
  {
    id: 'variance-on-time',
    name: 'Variance decisions within SLA',
    formula:
      "Share of the week's first decisions made on or before their due date (the standard's decision SLA in business days from submission); and the open requests already past their due date now.",
    unit: '% of decisions; requests',
    source: 'variance cases (variance_cases: decision_due_on, decided_at, state)',
  },
  {
    id: 'adoption-burn-up',
    name: 'Adoption speed per wave',
    formula:
      'For each opened rollout wave (the 12 last opened): the open projects of the programs whose earliest wave it is (scope), and at the end of each week those with a decision to adopt, tailor or grandfather that version (burn-up).',
    unit: 'projects',
    source: 'rollout plans and wave openings (standard_versions.rollout, wave_openings), adoption decisions (portfolio_adoption_decisions)',
  },
  {
    id: 'compliance-trend',
    name: 'Compliance trend',
    formula:
      'At the end of each week, per standard and per program: project × version rows then compliant (adopted, tailored, grandfathered, variance approved) as a share of all rows then valid.',
    unit: '% compliant',
    source: 'the stored compliance intervals (portfolio_compliance_intervals), read as of each week end, never recomputed',
  },
];
