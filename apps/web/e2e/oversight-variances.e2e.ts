import { expect, expectAccessible, test, unique } from './fixtures';
import { pageAs, requestVariance, screenshotPath } from './oversight-setup';

test.describe('variance oversight', () => {
  test('a request is reviewed by the reviewer with its impact on screen, then approved with a condition by the admin', async ({ browser, request }) => {
    // Two people, two browser contexts and a decision on a shared two-core machine.
    test.setTimeout(180_000);
    const justification = `The regulator sets a 21-day cadence ${unique()}`;
    const varianceId = await requestVariance(request, 'paula.program', justification);

    // The reviewer finds it in the queue (waiting for a decision), opens it, sees its impact and takes it into review.
    const rita = await pageAs(browser, 'rita.reviewer');
    await rita.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Variances' }).click();
    await expect(rita.getByRole('heading', { level: 1, name: 'Variance queue' })).toBeVisible();
    await rita.getByRole('textbox', { name: 'Search' }).fill(justification);
    const row = rita.getByRole('grid', { name: 'Variance requests' }).getByRole('row').filter({ hasText: justification });
    await expect(row).toContainText('submitted');
    await expect(row).toContainText('Financial System Migration');
    await expectAccessible(rita);
    await row.getByRole('link').click();
    await expect(rita).toHaveURL(new RegExp(`/variances/${varianceId}$`));
    await expect(rita.getByRole('heading', { level: 1 })).toContainText('status-reporting 1.0.0');
    await expect(rita.getByRole('region', { name: 'The request' })).toContainText(justification);
    await expect(rita.getByRole('region', { name: 'Deviations asked' })).toContainText('STATUS-CADENCE');
    const impact = rita.getByRole('region', { name: 'Impact before and after' });
    await expect(impact.getByRole('table', { name: 'Percent compliant before and after' })).toContainText('Whole portfolio');
    await expect(impact.getByRole('grid', { name: 'Projects whose state changes' })).toBeVisible();
    await expectAccessible(rita);
    await rita.getByRole('button', { name: 'Start review' }).click();
    await expect(rita.getByRole('group', { name: 'State and flags' })).toContainText('under-review');
    // A reviewer decides nothing: no decision form for her.
    await expect(rita.getByRole('region', { name: 'Decide' })).toHaveCount(0);
    await expect(rita.getByRole('region', { name: 'History' })).toContainText('Taken into review');

    // The admin decides: approved with one condition and its due date.
    const sam = await pageAs(browser, 'sam.strategic');
    await sam.goto(`/variances/${varianceId}`);
    await expect(sam.getByRole('region', { name: 'Decide' })).toBeVisible({ timeout: 30_000 });
    await expect(sam.getByRole('table', { name: 'Percent compliant before and after' })).toBeVisible();
    await expectAccessible(sam);
    await sam.screenshot({ path: screenshotPath('variance-page.png') });
    await sam.getByRole('radio', { name: 'Approve with conditions' }).check();
    await sam.getByLabel('Reason for the decision').fill('The fortnightly sponsor call covers the gap');
    await sam.getByRole('textbox', { name: 'Condition 1', exact: true }).fill('Share each regulator report with the PMO');
    await sam.getByRole('textbox', { name: 'Condition 1 owner' }).fill('Program PMO lead');
    await sam.getByLabel('Condition 1 due on').fill(new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10));
    await sam.getByRole('button', { name: 'Record the decision' }).click();
    await expect(sam.getByRole('group', { name: 'State and flags' })).toContainText('approved-with-conditions');
    await expect(sam.getByRole('region', { name: 'Conditions', exact: true })).toContainText('C1: Share each regulator report with the PMO');
    await expect(sam.getByRole('region', { name: 'Ground of the decision' })).toContainText('STATUS-CADENCE');
    await expect(sam.getByRole('region', { name: 'Impact', exact: true })).toContainText('analysed before the decision');

    // The reviewer ticks the condition off.
    await rita.reload();
    await rita.getByRole('button', { name: 'Mark C1 done' }).click();
    await expect(rita.getByRole('region', { name: 'Conditions', exact: true })).toContainText('met');
    await expect(rita.getByRole('region', { name: 'History' })).toContainText('Condition C1 met');
    await expectAccessible(rita);
  });

  test('whoever requested a variance is refused its review, said as separation of duties', async ({ browser, request }) => {
    const justification = `Asked by the admin himself ${unique()}`;
    const varianceId = await requestVariance(request, 'sam.strategic', justification);
    const sam = await pageAs(browser, 'sam.strategic');
    await sam.goto(`/variances/${varianceId}`);
    await sam.getByRole('button', { name: 'Start review' }).click();
    const refusal = sam.getByRole('alert');
    await expect(refusal).toContainText('Separation of duties');
    await expect(refusal).toContainText('you requested variance');
    await expect(sam.getByRole('group', { name: 'State and flags' })).toContainText('submitted');
    await expectAccessible(sam);
  });
});
