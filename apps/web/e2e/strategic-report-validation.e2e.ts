import { expect, expectAccessible, signInAs, test } from './fixtures';

const VALID_SAMPLE = {
  period: { from: '2027-01-01', to: '2027-01-14' },
  overallHealth: 'amber',
  percentComplete: 40,
  schedule: { status: 'at-risk' },
  issues: [{ title: 'Vendor late', owner: 'PMO' }],
  risks: [{ title: 'Cut-over slips', likelihood: 3, impact: 4 }],
};

test.describe('strategic PMO: a report format', () => {
  test.describe.configure({ timeout: 150_000 });

  test('checks a sample report: not JSON, then each error at its path, then a fit', async ({ page }) => {
    await signInAs(page, 'rita.reviewer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    await page.getByLabel('Search').fill('status-report');
    await page.getByRole('grid', { name: 'Catalog' }).getByRole('link', { name: 'status-report', exact: true }).click();
    await page.getByRole('grid', { name: 'Versions' }).getByRole('link', { name: '1.0.0' }).click();
    const panel = page.getByRole('region', { name: 'Validate a sample report' });
    await expect(panel).toBeVisible({ timeout: 30_000 });
    const sample = panel.getByRole('textbox', { name: 'Sample report (JSON)' });

    // Not JSON: said at the field, nothing sent.
    await sample.fill('{ "period": ');
    await panel.getByRole('button', { name: 'Validate the sample' }).click();
    await expect(sample).toHaveAttribute('aria-invalid', 'true');
    await expect(sample).toHaveAccessibleDescription(/JSON/);
    await expect(panel.getByRole('status')).toHaveCount(0);

    // JSON that does not fit: each error with its path.
    await sample.fill(JSON.stringify({ ...VALID_SAMPLE, overallHealth: 'purple', risks: [{ title: 'x', likelihood: 9, impact: 1 }], budget: 3 }, null, 2));
    await panel.getByRole('button', { name: 'Validate the sample' }).click();
    const verdict = panel.getByRole('status');
    await expect(verdict).toContainText('does not fit the report format');
    await expect(verdict).toContainText('/overallHealth');
    await expect(verdict).toContainText('/risks/0/likelihood');
    await expect(verdict).toContainText('/budget');
    await expectAccessible(page);

    // A fitting sample.
    await sample.fill(JSON.stringify(VALID_SAMPLE, null, 2));
    await panel.getByRole('button', { name: 'Validate the sample' }).click();
    await expect(verdict).toContainText('The sample fits the report format.');
    await expect(verdict).not.toContainText('/overallHealth');
  });
});
