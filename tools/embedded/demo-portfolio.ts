import type { DemoApi } from './demo-api';
import type { DemoHistory } from './demo-history';

// Programs and projects named after the domain sources: a financial-system migration with its
// customer/provider PMO work, an HR modernisation, a regulated payments programme and a grants migration.
// Codes match the Keycloak groups of the demo users (program-fsm, program-hr, project-fsm-ledger, ...).
const DEMO_PROGRAMS = [
  {
    name: 'Financial System Migration',
    code: 'fsm',
    description: 'Migrate the core financial system to a shared-service provider, with joint customer and provider PMOs.',
    tags: ['finance', 'migration'],
    projects: [
      { name: 'Establish Customer PMO Processes', phase: 'execution', percentComplete: 60, tags: ['pmo-setup'] },
      { name: 'Integrate Customer and Provider PMOs', phase: 'planning', percentComplete: 25, tags: ['pmo-setup'] },
      { name: 'General Ledger Cut-over', code: 'fsm-ledger', phase: 'initiation', percentComplete: 5, tags: ['cut-over'] },
      { name: 'Independent Verification and Validation', phase: 'planning', percentComplete: 20, tags: ['quality'] },
      { name: 'Accounts Payable Conversion', code: 'fsm-payables', phase: 'execution', percentComplete: 70, tags: ['cut-over'] },
      { name: 'Budget Formulation Interfaces', phase: 'execution', percentComplete: 45, tags: [] },
      { name: 'Legacy Ledger Decommissioning', phase: 'closing', percentComplete: 96, tags: ['cut-over'] },
      { name: 'Fit-Gap Sessions with Subject-Matter Experts', phase: 'execution', percentComplete: 80, tags: [] },
      { name: 'Program Charter and Management Plan', phase: 'closing', percentComplete: 98, tags: ['pmo-setup'] },
    ],
  },
  {
    name: 'HR Modernisation',
    code: 'hr',
    description: 'Replace payroll and time-keeping with a provider service.',
    tags: ['hr'],
    projects: [
      { name: 'Payroll Provider Onboarding', phase: 'execution', percentComplete: 50, tags: [] },
      { name: 'Time and Attendance Roll-out', phase: 'initiation', percentComplete: 0, tags: [] },
      { name: 'Benefits Data Migration', phase: 'planning', percentComplete: 15, tags: [] },
      { name: 'Personnel Records Digitisation', phase: 'execution', percentComplete: 65, tags: [] },
      { name: 'HR Service Desk Transition', phase: 'planning', percentComplete: 10, tags: [] },
    ],
  },
  {
    name: 'Regulated Payments Platform',
    code: 'payments',
    description: 'Payments under a banking regulator; its methodology must satisfy regulator demands.',
    tags: ['regulated', 'finance'],
    projects: [
      { name: 'Payment Gateway Replacement', phase: 'planning', percentComplete: 30, tags: ['regulated'] },
      { name: 'Regulatory Reporting Automation', phase: 'closing', percentComplete: 92, tags: ['regulated'] },
      { name: 'Fraud Monitoring Upgrade', phase: 'execution', percentComplete: 55, tags: ['regulated'] },
      { name: 'Settlement Reconciliation', phase: 'execution', percentComplete: 40, tags: ['regulated'] },
      { name: 'Customer Due Diligence Workflow', phase: 'initiation', percentComplete: 5, tags: ['regulated'] },
    ],
  },
  {
    name: 'Grants Management Modernisation',
    code: 'grants',
    description: 'Consolidate grant-making systems onto a shared grants platform, in waves by agency.',
    tags: ['finance', 'grants'],
    projects: [
      { name: 'Award Data Conversion', phase: 'execution', percentComplete: 35, tags: [] },
      { name: 'Applicant Portal Migration', phase: 'planning', percentComplete: 20, tags: [] },
      { name: 'Grants Reporting Dashboards', phase: 'initiation', percentComplete: 0, tags: [] },
      { name: 'Post-Award Monitoring', phase: 'execution', percentComplete: 75, tags: [] },
      { name: 'Closeout of Legacy Grants System', phase: 'closing', percentComplete: 94, tags: [] },
    ],
  },
] as const;

// The first day of the demo's history, in days from the load: the portfolio's registration.
const DEMO_HISTORY_STARTS = -95;

/**
 * Registers the demo programs and their projects through program-pmo and project-pmo, once, on the first day of
 * the demo's history (a quarter and a week ago): the portfolio is there before the first standard is published.
 */
export async function loadDemoPortfolio(api: DemoApi, history: DemoHistory): Promise<boolean> {
  const existing = (await api.call('GET', `${api.urls['program-pmo']}/programs`)) as unknown[];
  if (existing.length > 0) return false;
  await history.at(DEMO_HISTORY_STARTS);
  for (const program of DEMO_PROGRAMS) {
    const { id } = (await api.call('POST', `${api.urls['program-pmo']}/programs`, {
      name: program.name,
      code: program.code,
      description: program.description,
      tags: program.tags,
    })) as { id: string };
    await api.waitFor(`${api.urls['project-pmo']}/programs/${id}`);
    for (const project of program.projects) await api.call('POST', `${api.urls['project-pmo']}/projects`, { programId: id, ...project });
  }
  return true;
}
