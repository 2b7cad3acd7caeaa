import { expect, expectAccessible, signInAs, test, unique } from './fixtures';
import type { Page } from '@playwright/test';

async function openLedgerProject(page: Page): Promise<void> {
  await signInAs(page, 'pete.project');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
  const grid = page.getByRole('grid', { name: 'Projects' });
  // The first page of a run loads slowly on a busy machine.
  await expect(grid.getByRole('gridcell', { name: 'fsm-ledger' })).toBeVisible({ timeout: 60_000 });
  await expectAccessible(page);
  await grid.getByRole('link', { name: 'General Ledger Cut-over' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'General Ledger Cut-over' })).toBeVisible({ timeout: 30_000 });
}

test.describe('project PMO (pete.project)', () => {
  // Two shared cores: the first pages of a run and axe take their time.
  test.describe.configure({ timeout: 180_000 });

  test('implementation status of a requirement with an evidence link', async ({ page }) => {
    await openLedgerProject(page);
    const grid = page.getByRole('grid', { name: 'Requirements' });
    await expect(grid.getByRole('gridcell', { name: 'IMS-WEEKLY', exact: true })).toBeVisible({ timeout: 30_000 });
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Set the status of IMS-WEEKLY' }).click();
    const dialog = page.getByRole('dialog', { name: 'Implementation of IMS-WEEKLY' });
    await dialog.getByRole('combobox', { name: 'Implementation status' }).click();
    await page.getByRole('option', { name: 'implemented' }).click();
    // A link the platform refuses is said at the field, then a good one is kept.
    await dialog.getByRole('textbox', { name: 'Evidence links' }).fill('not a link');
    await dialog.getByRole('button', { name: 'Save status' }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
    const links = dialog.getByRole('textbox', { name: 'Evidence links' });
    await expect(links).toHaveAttribute('aria-invalid', 'true');
    await expect(links).toHaveAccessibleDescription(/evidenceLinks|uri|match/);
    await expectAccessible(page);
    const link = `https://wiki.example/ims-${unique()}`;
    await dialog.getByRole('textbox', { name: 'Evidence links' }).fill(link);
    await dialog.getByRole('button', { name: 'Save status' }).click();
    await expect(dialog).toBeHidden();
    await expect(grid.getByRole('link', { name: link })).toHaveAttribute('href', link);
    await expect(grid.getByRole('row', { name: /IMS-WEEKLY/ }).getByText('implemented')).toBeVisible();
  });

  test('a status report refused on a field shows the error at the field, then is accepted', async ({ page }) => {
    await openLedgerProject(page);
    await page.getByRole('tab', { name: 'Status reports' }).click();
    const form = page.getByRole('region', { name: 'New status report' });
    await expect(form.getByRole('combobox', { name: 'Report format' })).toContainText('Program status report 1.0.0', { timeout: 30_000 });
    await expectAccessible(page);

    // The form is drawn from the format's JSON Schema; the server judges what is sent.
    await form.getByRole('textbox', { name: 'from', exact: true }).fill('2026-11-24');
    await form.getByRole('textbox', { name: 'to', exact: true }).fill('2026-12-07');
    await form.getByRole('combobox', { name: 'overallHealth' }).click();
    await page.getByRole('option', { name: 'amber' }).click();
    await form.getByRole('combobox', { name: 'status', exact: true }).click();
    await page.getByRole('option', { name: 'at-risk' }).click();
    const percent = form.getByRole('spinbutton', { name: 'percentComplete' });
    await percent.fill('150');
    await form.getByRole('button', { name: 'Submit status report' }).click();
    await expect(form.getByRole('alert')).toContainText('/percentComplete');
    await expect(form.locator('#root_percentComplete__error')).toContainText('100');
    await expectAccessible(page);

    await percent.fill('40');
    await form.getByRole('button', { name: 'Submit status report' }).click();
    await expect(form.getByText('The status report was accepted.')).toBeVisible();
    await expect(form.locator('#root_percentComplete__error')).toHaveCount(0);
    await expect(
      page
        .getByRole('grid', { name: 'Status reports' })
        .getByRole('gridcell', { name: /overallHealth: amber/ })
        .first(),
    ).toBeVisible();
  });

  test('a variance proposal is sent to the program PMO', async ({ page }) => {
    await openLedgerProject(page);
    await page.getByRole('tab', { name: 'Variance proposals' }).click();
    const form = page.getByRole('region', { name: 'Propose a variance' });
    await expect(form.getByRole('combobox', { name: 'Standard version' })).toBeVisible({ timeout: 30_000 });
    await form.getByRole('combobox', { name: 'Standard version' }).click();
    await page.getByRole('option', { name: /status-reporting/ }).click();
    await form.getByRole('checkbox', { name: /RISK-REVIEW/ }).check();
    const justification = `Quarterly steering committee only ${unique()}`;
    await form.getByRole('textbox', { name: 'Justification' }).fill(justification);
    const until = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Until').fill(until);
    await form.getByRole('textbox', { name: 'Compensating controls' }).fill('Monthly risk call with the sponsor');
    await expectAccessible(page);
    await form.getByRole('button', { name: 'Send proposal' }).click();
    await expect(form.getByRole('status')).toContainText('sent to the program PMO');
    const row = page.getByRole('grid', { name: 'Variance proposals' }).getByRole('row', { name: new RegExp(justification) });
    await expect(row.getByText('proposed')).toBeVisible();
    await expectAccessible(page);
  });
});
