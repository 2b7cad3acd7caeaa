import type { Locator, Page } from '@playwright/test';
import { call, expect, expectAccessible, test, tokenFor } from './fixtures';
import { pageAs, screenshotPath } from './oversight-setup';

/** The metrics screen: each metric's figures and, beside them, its definition. */
class MetricsScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metrics' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Metrics' })).toBeVisible();
  }

  definition(title: string): Locator {
    return this.page.getByRole('complementary', { name: `Definition: ${title}` });
  }

  table(name: string): Locator {
    return this.page.getByRole('table', { name });
  }

  async chooseProgram(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Program' }).click();
    await this.page.getByRole('option', { name }).click();
  }
}

test.describe('Metrics', () => {
  test('shows a quarter of health, red reports with their age, decisions, adoption and compliance, each with its definition', async ({ browser, request }) => {
    test.setTimeout(120_000);
    const sam = await pageAs(browser, 'sam.strategic');
    const metrics = new MetricsScreen(sam);
    await metrics.open();

    // A quarter of weekly reports (the demo): thirteen week ends on the trend, the definitions beside.
    await expect(sam.getByRole('img', { name: 'Projects by overall rating at each of 13 week ends' }).locator('canvas').first()).toBeVisible();
    await expect(metrics.definition('Project health over time')).toContainText('35 days old');
    await expect(metrics.definition('Portfolio and program health')).toContainText('at least 25% are red');
    await expect(metrics.definition('Red reports')).toContainText('unbroken run of red reports');

    // The screen says what the API computes from the stored reports: one row per program, its roll-up.
    const token = await tokenFor(request, 'sam.strategic');
    const health = await call<{ programs: { name: string; rating: string }[] }>(request, token, 'GET', '/api/strategic/portfolio/metrics/health?weeks=13');
    expect(health.programs.length).toBeGreaterThan(0);
    for (const program of health.programs) {
      await expect(
        metrics
          .table('Program health')
          .getByRole('row')
          .filter({ has: sam.getByRole('rowheader', { name: program.name }) }),
      ).toContainText(program.rating);
    }
    // The demo's budget storyline turned red two weeks ago: each red report is 14 days old.
    const ages = metrics
      .table('Red reports')
      .getByRole('row')
      .filter({ has: sam.getByRole('rowheader') })
      .getByRole('cell')
      .nth(2);
    await expect(ages.first()).toHaveText('14');
    await expect(sam.getByRole('img', { name: /^Variance decisions per week/ })).toBeVisible();
    await expect(sam.getByRole('img', { name: /^Projects decided over time in \d+ rollout waves$/ })).toBeVisible();
    await expect(metrics.table('Rollout waves').getByRole('row').filter({ hasText: 'status-reporting' }).first()).toBeVisible();
    await expect(sam.getByRole('img', { name: /^Percent compliant per week for \d+ standards$/ })).toBeVisible();
    await expectAccessible(sam);
    await sam.screenshot({ path: screenshotPath('metrics.png'), fullPage: true });

    // One program: its projects' schedule, budget and overall ratings.
    await metrics.chooseProgram('Financial System Migration');
    await expect(
      metrics
        .table('Project health')
        .getByRole('row')
        .filter({ has: sam.getByRole('rowheader') })
        .first(),
    ).toBeVisible();
    await expect(metrics.table('Program health').getByRole('row')).toHaveCount(2);
    await expect(metrics.definition('Schedule and budget health per project')).toContainText('worse of schedule and budget');
  });
});
