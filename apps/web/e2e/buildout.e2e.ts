import { expect, expectAccessible, test } from './fixtures';
import { FoundationScreen, GapsScreen, RoadmapScreen } from './buildout-pages';
import { pageAs, screenshotPath } from './oversight-setup';

test.describe('PMO build-out', () => {
  test('maturity rises between two assessments, a gap becomes a service, and the waves of the roadmap track its deployment', async ({ browser }) => {
    test.setTimeout(180_000);
    const sam = await pageAs(browser, 'sam.strategic');

    // The demo's build-out: a portfolio office, two assessments half a year apart, maturity rising between them.
    const foundation = new FoundationScreen(sam);
    await foundation.open();
    await expect(foundation.foundation()).toContainText('Sponsor: Chief Financial Officer');
    await expect(foundation.chart().locator('canvas').first()).toBeVisible();
    await expect(foundation.trendOf('Methodology').getByRole('cell')).toHaveText(['1 → 4', '3 → 4']);
    await expect(foundation.trendOf('Training').getByRole('cell')).toHaveText(['1 → 3', '2 → 3']);
    await expectAccessible(sam);
    await sam.screenshot({ path: screenshotPath('buildout-maturity.png') });

    // The gap analysis: one gap per element, sized from the latest assessment; tools not reassessed yet.
    const gaps = new GapsScreen(sam);
    await gaps.open();
    await expect(gaps.gap('Methodology').getByRole('cell').nth(2)).toHaveText('1');
    await expect(gaps.gap('Tools').getByRole('cell').nth(2)).toHaveText('2');
    await expect(gaps.gap('Tools')).toContainText('Scheduling tool');
    // The platform's own published standards and tools are products too, read from the catalog.
    await expect(gaps.catalogue().getByRole('row').filter({ hasText: 'in the catalog' }).first()).toBeVisible();

    // Turned into a service: coaching on the tools closes the tools gap.
    await gaps.addService('Tool coaching', 'Coaching on the scheduling tool for each project team', 'Tools', 3);
    await expect(gaps.gap('Tools')).toContainText('Tool coaching');
    await expect(gaps.catalogue().getByRole('row').filter({ hasText: 'Tool coaching' })).toContainText('not planned');
    await expectAccessible(sam);
    await sam.screenshot({ path: screenshotPath('buildout-gaps.png') });

    // The roadmap: two waves in order, the first under way; the new service is proposed for the next wave.
    const roadmap = new RoadmapScreen(sam);
    await roadmap.open();
    await expect(roadmap.waves()).toHaveCount(2);
    await expect(roadmap.waves().nth(0)).toContainText('Wave 1: methodology and skills');
    await expect(roadmap.waves().nth(1)).toContainText('Wave 2: tools and people');
    await expect(roadmap.progressOf('Wave 1: methodology and skills')).toHaveAttribute('aria-valuenow', '83');
    await expect(roadmap.progressOf('Wave 2: tools and people')).toHaveAttribute('aria-valuenow', '0');
    await expect(sam.getByRole('region', { name: 'Not planned yet: proposed next waves' })).toContainText('Next wave 1: Tool coaching (3 person-weeks)');
    await expectAccessible(sam);

    // Training deployed: the first wave is done; the second starts on its first item.
    await roadmap.setState('Project management training', 'deployed');
    await expect(roadmap.progressOf('Wave 1: methodology and skills')).toHaveAttribute('aria-valuenow', '100');
    await roadmap.setState('Scheduling tool', 'in-progress');
    await expect(roadmap.progressOf('Wave 2: tools and people')).toHaveAttribute('aria-valuenow', '25');
    await sam.screenshot({ path: screenshotPath('buildout-roadmap.png') });

    // The coaching in a wave of its own after the second, as the proposal says.
    await roadmap.planWave('Wave 3: coaching', 'PMO tools lead', ['Tool coaching']);
    await expect(roadmap.waves()).toHaveCount(3);
    await expect(roadmap.waves().nth(2)).toContainText('Wave 3: coaching');

    // Re-assessed today: the tools' maturity rises and its gap shrinks.
    await foundation.page.getByRole('tab', { name: 'Foundation and maturity' }).click();
    await foundation.recordAssessment('Tools', '3 defined', '4 managed', ['One scheduling tool in half of the programs', 'One scheduling tool everywhere']);
    await expect(foundation.trendOf('Tools').getByRole('cell').filter({ hasText: '→' })).toHaveText(['2 → 4', '3 → 4']);
    await gaps.open();
    await expect(gaps.gap('Tools').getByRole('cell').nth(2)).toHaveText('1');
  });

  test('the auditor reads the build-out and is offered no change', async ({ browser }) => {
    const ada = await pageAs(browser, 'ada.auditor');
    const foundation = new FoundationScreen(ada);
    await foundation.open();
    await expect(foundation.foundation()).toBeVisible();
    await expect(ada.getByRole('button', { name: 'Record an assessment' })).toHaveCount(0);
    const roadmap = new RoadmapScreen(ada);
    await roadmap.open();
    await expect(roadmap.waves().first()).toBeVisible();
    await expect(ada.getByRole('combobox', { name: /^State of / })).toHaveCount(0);
  });
});
