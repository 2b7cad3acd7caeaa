import { expect, expectAccessible, signInAs, test, unique } from './fixtures';
import type { Page } from '@playwright/test';
import { decidedVariance, fsmIds, proposeVariance } from './program-setup';

async function openSection(page: Page, programId: string, section: string): Promise<void> {
  await signInAs(page, 'paula.program');
  await page.goto(`/programs/${programId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Financial System Migration' })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('tab', { name: section }).click();
}

test.describe('program PMO: proposals, notices, feedback, compliance', () => {
  // Two cores shared with other workers: a page with several grids can take many seconds to draw.
  test.describe.configure({ timeout: 180_000 });

  test('forwards one project proposal to the strategic PMO and rejects another with a reason', async ({ page, request }) => {
    const ids = await fsmIds(request);
    const forwarded = `Monthly reporting during the ledger cut-over ${unique()}`;
    const rejected = `Reporting every four weeks ${unique()}`;
    await proposeVariance(request, ids, forwarded);
    await proposeVariance(request, ids, rejected);

    await openSection(page, ids.programId, 'Project proposals');
    const grid = page.getByRole('grid', { name: 'Variance proposals' });
    await expect(grid.getByRole('row', { name: new RegExp(forwarded) })).toContainText('General Ledger Cut-over');
    await expectAccessible(page);
    await grid.getByRole('button', { name: `Forward the proposal: ${forwarded}` }).click();
    await expect(grid.getByRole('row', { name: new RegExp(forwarded) })).toContainText('forwarded');

    await grid.getByRole('button', { name: `Reject the proposal: ${rejected}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject the proposal' });
    await dialog.getByLabel(/Why it is rejected/).fill('Four weeks is too far apart for a cut-over');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Reject' }).click();
    await expect(dialog).toBeHidden();
    const row = grid.getByRole('row', { name: new RegExp(rejected) });
    await expect(row).toContainText('rejected');
    await expect(row).toContainText('Four weeks is too far apart for a cut-over');

    // The forwarded proposal is now one of the program's variance requests.
    await page.getByRole('tab', { name: 'Variance requests' }).click();
    await expect(page.getByRole('grid', { name: 'Variance requests' }).getByRole('row', { name: new RegExp(forwarded) })).toBeVisible();
  });

  test('sends feedback on a standard version and sees it listed', async ({ page, request }) => {
    const ids = await fsmIds(request);
    const text = `The cadence requirement should say which calendar counts ${unique()}`;
    await openSection(page, ids.programId, 'Feedback');
    await page.getByRole('combobox', { name: 'Standard version' }).click();
    await page.getByRole('option', { name: 'status-reporting 1.0.0' }).click();
    await page.getByRole('combobox', { name: 'Category' }).click();
    await page.getByRole('option', { name: 'unclear' }).click();
    await page.getByRole('textbox', { name: /^About/ }).fill('STATUS-CADENCE');
    await page.getByRole('textbox', { name: 'Feedback' }).fill(text);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Send feedback' }).click();
    await expect(page.getByRole('status')).toHaveText('Your feedback was sent to the strategic PMO.');
    const row = page.getByRole('grid', { name: 'Feedback' }).getByRole('row', { name: new RegExp(text) });
    await expect(row).toContainText('submitted');
    await expect(row).toContainText('STATUS-CADENCE');
  });

  test('shows the program compliance per project and standard, filtered by standard and state', async ({ page, request }) => {
    const ids = await fsmIds(request);
    await openSection(page, ids.programId, 'Compliance');
    await expect(page.getByText(/\d+(\.\d+)?% compliant: \d+ of \d+ project–standard pairs/)).toBeVisible();
    await expect(page.getByRole('group', { name: 'Compliance per standard' })).toContainText(/status-reporting: \d+(\.\d+)?%/);
    const grid = page.getByRole('grid', { name: 'Compliance' });
    await expect(grid.getByRole('gridcell', { name: 'Establish Customer PMO Processes' }).first()).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('combobox', { name: 'Standard' }).click();
    await page.getByRole('option', { name: 'status-reporting', exact: true }).click();
    await page.getByRole('combobox', { name: 'State' }).click();
    await page.getByRole('option', { name: 'grandfathered' }).click();
    // The demo grandfathers the nearly finished projects on status reporting.
    await expect(grid.getByRole('row', { name: /Program Charter and Management Plan.*status-reporting/ })).toContainText('grandfathered');
    await expect(grid.getByRole('gridcell', { name: 'migration-lifecycle' })).toHaveCount(0);
    await expect(grid.getByRole('gridcell', { name: 'adopted', exact: true })).toHaveCount(0);
  });

  test('shows the notices and the variance requests, and every section passes axe', async ({ page, request }) => {
    const ids = await fsmIds(request);
    await openSection(page, ids.programId, 'Notices');
    await expect(page.getByRole('grid', { name: 'Overdue adoptions' })).toBeVisible();
    await expect(page.getByRole('grid', { name: 'Variance notices' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('tab', { name: 'Variance requests' }).click();
    await expect(page.getByRole('grid', { name: 'Variance requests' })).toBeVisible();
    await expectAccessible(page);
  });

  test('requests a variance from scratch, then withdraws it', async ({ page, request }) => {
    const ids = await fsmIds(request);
    const justification = `Monthly reporting while the budget interfaces are rebuilt ${unique()}`;
    await openSection(page, ids.programId, 'Variance requests');
    await page.getByRole('button', { name: 'New variance request' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request a variance' });
    await dialog.getByRole('combobox', { name: 'Standard version' }).click();
    await page.getByRole('option', { name: 'status-reporting 1.0.0' }).click();
    await dialog.getByRole('combobox', { name: 'Projects' }).click();
    await page.getByRole('option', { name: 'Budget Formulation Interfaces' }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('combobox', { name: 'Requirement 1' }).click();
    await page.getByRole('option', { name: 'STATUS-CADENCE' }).click();
    await expect(dialog.getByText('The leeway allows 7 to 14 days')).toBeVisible();
    await dialog.getByLabel('Value asked 1').fill('30');
    await dialog.getByLabel('Justification').fill(justification);
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Submit the variance request' }).click();
    await expect(dialog).toBeHidden();

    const grid = page.getByRole('grid', { name: 'Variance requests' });
    const row = grid.getByRole('row', { name: new RegExp(justification) });
    await expect(row).toContainText('STATUS-CADENCE = 30');
    await row.getByRole('button', { name: `Withdraw the request: ${justification}` }).click();
    const withdraw = page.getByRole('dialog', { name: 'Withdraw the variance request' });
    await withdraw.getByLabel('Why it is withdrawn').fill('The interfaces will be ready within the cadence after all');
    await withdraw.getByRole('button', { name: 'Withdraw' }).click();
    await expect(withdraw).toBeHidden();
    await expect(row).toContainText('withdrawn');
  });

  test('revises a rejected request and asks to renew an approved one', async ({ page, request }) => {
    const ids = await fsmIds(request);
    const rejected = `Three-weekly reporting, first try ${unique()}`;
    const approved = `Three-weekly reporting, approved ${unique()}`;
    await decidedVariance(request, ids, rejected, 'rejected');
    await decidedVariance(request, ids, approved, 'approved');

    await openSection(page, ids.programId, 'Variance requests');
    const grid = page.getByRole('grid', { name: 'Variance requests' });
    await grid.getByRole('button', { name: `Revise the request: ${rejected}` }).click();
    const revise = page.getByRole('dialog', { name: 'Revise the variance request' });
    await expect(revise.getByLabel('Value asked 1')).toHaveValue('21');
    await revise.getByLabel('Value asked 1').fill('18');
    await revise.getByLabel('Justification').fill(`${rejected}, revised to 18 days`);
    await revise.getByRole('button', { name: 'Submit the revision' }).click();
    await expect(revise).toBeHidden();
    await expect(grid.getByRole('row', { name: new RegExp(`${rejected}, revised to 18 days`) })).toContainText('STATUS-CADENCE = 18');

    await grid.getByRole('button', { name: `Renew the approval: ${approved}` }).click();
    const renew = page.getByRole('dialog', { name: 'Ask to renew the approval' });
    await renew.getByLabel('New end date').fill(new Date(Date.now() + 120 * 86_400_000).toISOString().slice(0, 10));
    await renew.getByLabel('Justification').fill('The freeze lasts another two months');
    await expectAccessible(page);
    await renew.getByRole('button', { name: 'Ask for the renewal' }).click();
    await expect(renew).toBeHidden();
    await expect(grid.getByRole('row', { name: new RegExp(approved) })).toContainText('renewal asked');
  });

  test('another program manager opening the fsm program is told what the refusal means, not shown a blank page', async ({ page, request }) => {
    const ids = await fsmIds(request);
    await signInAs(page, 'hugo.program');
    await page.goto(`/programs/${ids.programId}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      /You are not allowed to do this, or this is outside your scope|Not found: it does not exist, or it is not visible to you/,
      {
        timeout: 30_000,
      },
    );
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Program');
    await expectAccessible(page);
  });
});
