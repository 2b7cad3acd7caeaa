import { expect, expectAccessible, signInAs, test, unique } from './fixtures';
import type { Page } from '@playwright/test';

async function openFsm(page: Page, section: string): Promise<void> {
  await signInAs(page, 'paula.program');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My programs' })).toBeVisible();
  await page.getByRole('link', { name: 'Financial System Migration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Financial System Migration' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: section }).click();
}

async function selectProjects(page: Page, names: string[]): Promise<void> {
  const board = page.getByRole('grid', { name: 'Adoption board' });
  for (const name of names)
    await board
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('checkbox')
      .check();
}

async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test.describe('program PMO: adoption board', () => {
  // Two cores shared with other workers: a page with several grids can take many seconds to draw.
  test.describe.configure({ timeout: 180_000 });

  test('lists its programs and the standards in force with their wave deadlines', async ({ page }) => {
    await signInAs(page, 'paula.program');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Programs' }).click();
    const programs = page.getByRole('grid', { name: 'Programs' });
    await expect(programs.getByRole('link', { name: 'Financial System Migration' })).toBeVisible();
    await expect(programs.getByRole('link', { name: 'HR Modernisation' })).toHaveCount(0);
    await expectAccessible(page);

    await programs.getByRole('link', { name: 'Financial System Migration' }).click();
    const standards = page.getByRole('grid', { name: 'Standards' });
    const reporting = standards.getByRole('row', { name: /status-reporting — Status reporting cadence/ });
    await expect(reporting).toContainText('wave 1: finance');
    await expect(reporting).toContainText('STATUS-CADENCE: 7 to 14 days');
    await expectAccessible(page);
  });

  test('records one decision for two selected projects (bulk adoption)', async ({ page }) => {
    await openFsm(page, 'Adoption');
    const board = page.getByRole('grid', { name: 'Adoption board' });
    // Other tests on the shared platform may have changed these projects' decisions: the board shows them, whatever they are.
    await expect(board.getByRole('row', { name: /Establish Customer PMO Processes/ })).toBeVisible();
    await selectProjects(page, ['Establish Customer PMO Processes', 'Fit-Gap Sessions with Subject-Matter Experts']);
    await choose(page, 'Standard version', 'status-reporting 1.0.0');
    await choose(page, 'Decision', 'adopt');
    await page.getByLabel('Reason').fill(`Both adopt as published ${unique()}`);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Record the decision for 2 projects' }).click();

    await expect(page.getByRole('status')).toHaveText('Recorded adopt for 2 projects.');
    for (const name of ['Establish Customer PMO Processes', 'Fit-Gap Sessions with Subject-Matter Experts']) {
      const row = board.getByRole('row', { name: new RegExp(name) });
      await expect(row.getByText('adopt', { exact: true })).toBeVisible();
    }
  });

  test('a tailoring outside the leeway is refused with the reason, then turned into a variance request in one step', async ({ page }) => {
    const justification = `Reporting every 21 days through the ledger freeze ${unique()}`;
    await openFsm(page, 'Adoption');
    await selectProjects(page, ['Integrate Customer and Provider PMOs', 'General Ledger Cut-over']);
    await choose(page, 'Standard version', 'status-reporting 1.0.0');
    await choose(page, 'Decision', 'tailor');
    const cadence = page.getByRole('spinbutton', { name: 'STATUS-CADENCE value' });
    await expect(page.getByText('Allowed: 7 to 14 days')).toBeVisible();
    await cadence.fill('21');
    await page.getByLabel('Reason').fill('The ledger freeze needs a three-week cycle');
    await page.getByRole('button', { name: 'Record the decision for 2 projects' }).click();

    await expect(page.getByRole('alert').filter({ hasText: 'The platform refused this' })).toContainText(
      'STATUS-CADENCE allows 7 to 14 days; 21 is outside that leeway: a variance is needed',
    );
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Request a variance for these values' }).click();

    const dialog = page.getByRole('dialog', { name: 'Request a variance' });
    await expect(dialog.getByRole('combobox', { name: 'Requirement 1' })).toHaveText('STATUS-CADENCE');
    await expect(dialog.getByLabel('Value asked 1')).toHaveValue('21');
    await expect(dialog.getByRole('combobox', { name: 'Projects' })).toContainText('General Ledger Cut-over');
    await dialog.getByLabel('Justification').fill(justification);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Submit the variance request' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status')).toContainText('The variance request was sent to the strategic PMO');

    await page.getByRole('tab', { name: 'Variance requests' }).click();
    const request = page.getByRole('grid', { name: 'Variance requests' }).getByRole('row', { name: new RegExp(justification) });
    await expect(request).toContainText('STATUS-CADENCE = 21');
    await expect(request).toContainText('submitted');
    await expectAccessible(page);
  });

  test('grandfathering is refused for a project far from done, with the threshold shown', async ({ page }) => {
    await openFsm(page, 'Adoption');
    await selectProjects(page, ['General Ledger Cut-over']);
    await choose(page, 'Standard version', 'status-reporting 1.0.0');
    await choose(page, 'Decision', 'grandfather');
    await expect(page.getByText(/it needs at least \d+% complete/)).toBeVisible();
    await page.getByLabel('Reason').fill('Nearly done, supposedly');
    await page.getByRole('button', { name: 'Record the decision for 1 project' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The platform refused this' })).toContainText(/grandfathering needs \d+% or the closing phase/);
  });
});
