import type { AuthSettings, DevKeyPair } from '@pmo/auth';
import type { Logger } from 'pino';
import { loadDemoAdoptions } from './demo-adoptions';
import { loadDemoBuildout } from './demo-buildout';
import { loadDemoCloseout } from './demo-closeout';
import { loadDemoCommittees } from './demo-committees';
import { demoApi } from './demo-api';
import { demoHistory } from './demo-history';
import { loadDemoMetrics } from './demo-metrics';
import { loadDemoPortfolio } from './demo-portfolio';
import { loadDemoPriorities } from './demo-priorities';
import { loadDemoRegulatedVariant, loadDemoStandards } from './demo-standards';
import { loadDemoRoadmap } from './demo-roadmap';
import { loadDemoVariancesAndFeedback } from './demo-variances';

/**
 * Loads what is missing of the demo data through the public HTTP APIs, as a quarter of governance history
 * replayed on the services' clocks (`demo-history.ts`), in the order it happened: the portfolio, the catalog
 * published over the first weeks, the finance programs' adoption decisions week by week, variances and feedback
 * decided at several dates, the steering committee's two past meetings, the regulated variant, a quarter of
 * status reports and a closed project; then, at today, the strategic PMO's own build-out, priorities and the
 * roadmap. The clocks are put back to the system time at the end, also when a loader fails.
 */
export async function loadDemoData(urls: Record<string, string>, keys: DevKeyPair, auth: AuthSettings, logger: Logger): Promise<void> {
  const api = demoApi(urls, keys, auth);
  const platform = demoApi(urls, keys, auth, 'pat.platform');
  const history = await demoHistory(platform);
  try {
    if (await loadDemoPortfolio(api, history)) logger.info('demo portfolio loaded');
    if (await loadDemoStandards(api, history)) logger.info('demo standards loaded');
    if (await loadDemoAdoptions(api, history)) logger.info('demo adoption decisions loaded');
    if (await loadDemoVariancesAndFeedback(api, demoApi(urls, keys, auth, 'rosa.regulated'), history)) logger.info('demo variances and feedback loaded');
    if (await loadDemoCommittees(api, history)) logger.info('demo steering committee loaded');
    if (await loadDemoRegulatedVariant(api, history)) logger.info('demo regulated variant loaded');
    if (await loadDemoMetrics(api, history)) logger.info('demo quarter of status reports loaded');
    if (await loadDemoCloseout(demoApi(urls, keys, auth, 'paula.program'), history)) logger.info('demo closed project with its review loaded');
  } finally {
    await history.restore();
  }
  if (await loadDemoBuildout(api)) logger.info('demo PMO build-out loaded');
  if (await loadDemoPriorities(api, demoApi(urls, keys, auth, 'paula.program'))) logger.info('demo priorities loaded');
  if (await loadDemoRoadmap(api)) logger.info('demo roadmap loaded');
}
