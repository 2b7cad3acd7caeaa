import { readFileSync } from 'node:fs';
import { expect, expectAccessible, signInAs, test } from './fixtures';

test.describe('audit (ada.auditor)', () => {
  // Two shared cores: the first pages of a run and axe take their time.
  test.describe.configure({ timeout: 180_000 });

  test('the chain check says intact for each service', async ({ page }) => {
    await signInAs(page, 'ada.auditor');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await page.getByRole('button', { name: 'Check the chains' }).click({ timeout: 60_000 });
    for (const service of ['Strategic PMO', 'Program PMO', 'Project PMO']) {
      const card = page.getByRole('group', { name: `${service} chain` });
      await expect(card.getByText('intact')).toBeVisible({ timeout: 30_000 });
      await expect(card).toContainText('entries checked');
    }
    await expectAccessible(page);
  });

  test('the log filters by action and service, and its CSV has its header line', async ({ page }) => {
    await signInAs(page, 'ada.auditor');
    await page.goto('/audit');
    const grid = page.getByRole('grid', { name: 'Audit log' });
    await expect(grid.getByRole('row')).not.toHaveCount(1, { timeout: 60_000 });
    await page.getByRole('textbox', { name: 'Action' }).fill('standard-version.published');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(grid.getByRole('gridcell', { name: 'standard-version.published' }).first()).toBeVisible();
    await expect(grid.getByRole('gridcell', { name: 'standard.created', exact: true })).toHaveCount(0);
    await expectAccessible(page);

    await page.getByRole('combobox', { name: 'Service' }).click();
    await page.getByRole('option', { name: 'Project PMO' }).click();
    await page.getByRole('textbox', { name: 'Action' }).fill('');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(grid.getByRole('gridcell', { name: 'standard-version.published' })).toHaveCount(0);
    await expect(grid.getByRole('row')).not.toHaveCount(1);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('audit-project.csv');
    const text = readFileSync(await file.path(), 'utf8');
    const [header, first] = text.split(/\r?\n/);
    expect(header).toMatch(/^"?seq"?,/);
    expect(header).toContain('action');
    expect(first).toBeTruthy();
    await expect(page.getByRole('link', { name: 'Download audit-project.csv' })).toBeVisible();
  });

  test('an entry shows what it changed, before and after, side by side', async ({ page }) => {
    await signInAs(page, 'ada.auditor');
    await page.goto('/audit');
    const grid = page.getByRole('grid', { name: 'Audit log' });
    await page.getByRole('textbox', { name: 'Action' }).fill('standard-version.published');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(grid.getByRole('gridcell', { name: 'standard-version.published' }).first()).toBeVisible({ timeout: 60_000 });
    await grid
      .getByRole('button', { name: /^Before and after of entry \d+$/ })
      .first()
      .click();
    const entry = page.getByRole('dialog', { name: /^Audit entry \d+: standard-version\.published$/ });
    // Publishing moves a version from in-review (or draft) to published: the state is among the changed fields.
    const state = entry.getByRole('table', { name: 'Changed fields' }).getByRole('row', { name: /^state / });
    await expect(state).toContainText('published');
    await expect(entry.getByRole('region', { name: 'Before' })).toContainText('"state"');
    await expect(entry.getByRole('region', { name: 'After' })).toContainText('"state": "published"');
    await expectAccessible(page);
    await entry.getByRole('button', { name: 'Close' }).click();
    await expect(entry).toBeHidden();
  });
});
