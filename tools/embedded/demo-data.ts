import type { AuthSettings, DevKeyPair } from '@pmo/auth';
import type { Logger } from 'pino';
import { loadDemoAdoptions } from './demo-adoptions';
import { loadDemoBuildout } from './demo-buildout';
import { loadDemoCloseout } from './demo-closeout';
import { loadDemoCommittees } from './demo-committees';
import { demoApi } from './demo-api';
import { loadDemoMetrics } from './demo-metrics';
import { loadDemoPortfolio } from './demo-portfolio';
import { loadDemoPriorities } from './demo-priorities';
import { loadDemoRegulatedVariant, loadDemoStandards } from './demo-standards';
import { loadDemoRoadmap } from './demo-roadmap';
import { loadDemoVariancesAndFeedback } from './demo-variances';

/**
 * Loads what is missing of the demo data through the public HTTP APIs: the portfolio, the catalog, the
 * adoption decisions, variances and feedback, then the regulated variant beside the organisation-wide version,
 * the strategic PMO's own build-out, priorities, the steering committee, the roadmap, a quarter of status
 * reports, and a closed project with its review.
 */
export async function loadDemoData(urls: Record<string, string>, keys: DevKeyPair, auth: AuthSettings, logger: Logger): Promise<void> {
  const api = demoApi(urls, keys, auth);
  if (await loadDemoPortfolio(api)) logger.info('demo portfolio loaded');
  if (await loadDemoStandards(api)) logger.info('demo standards loaded');
  if (await loadDemoAdoptions(api)) logger.info('demo adoption decisions loaded');
  if (await loadDemoVariancesAndFeedback(api, demoApi(urls, keys, auth, 'rosa.regulated'), demoApi(urls, keys, auth, 'pat.platform')))
    logger.info('demo variances and feedback loaded');
  if (await loadDemoRegulatedVariant(api)) logger.info('demo regulated variant loaded');
  if (await loadDemoBuildout(api)) logger.info('demo PMO build-out loaded');
  if (await loadDemoPriorities(api, demoApi(urls, keys, auth, 'paula.program'))) logger.info('demo priorities loaded');
  if (await loadDemoCommittees(api, demoApi(urls, keys, auth, 'pat.platform'))) logger.info('demo steering committee loaded');
  if (await loadDemoRoadmap(api)) logger.info('demo roadmap loaded');
  if (await loadDemoMetrics(api, demoApi(urls, keys, auth, 'pat.platform'))) logger.info('demo quarter of status reports loaded');
  if (await loadDemoCloseout(demoApi(urls, keys, auth, 'paula.program'), demoApi(urls, keys, auth, 'pat.platform')))
    logger.info('demo closed project with its review loaded');
}
