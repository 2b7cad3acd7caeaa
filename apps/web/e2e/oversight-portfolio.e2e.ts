import { readFileSync } from 'node:fs';
import { call, expect, expectAccessible, test, tokenFor } from './fixtures';
import { pageAs, screenshotPath } from './oversight-setup';

test.describe('portfolio compliance dashboard', () => {
  test('the heatmap renders, a cell and its grid link drill down to project rows, as-of changes the figures, CSV downloads', async ({ browser, request }) => {
    test.setTimeout(180_000);
    const sam = await pageAs(browser, 'sam.strategic');
    await sam.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Portfolio' }).click();
    await expect(sam.getByRole('heading', { level: 1, name: 'Portfolio compliance' })).toBeVisible();
    const heatmap = sam.getByRole('img', { name: /^Heatmap of percent compliant/ });
    // The first roll-up of a fresh platform can take a while on a busy machine.
    await expect(heatmap.locator('canvas').first()).toBeVisible({ timeout: 60_000 });
    await expect(heatmap).toHaveAccessibleName(/Financial System Migration status-reporting \d+(\.\d)?%/);
    const summary = sam.getByTestId('compliance-summary');
    await expect(summary).toContainText(/\d+ of \d+ project rows compliant/);
    await expectAccessible(sam);
    await sam.screenshot({ path: screenshotPath('portfolio-dashboard.png') });

    // A click on the chart opens the cell it hits.
    const box = await heatmap.boundingBox();
    if (!box) throw new Error('the heatmap has no box');
    await sam.mouse.click(box.x + box.width / 2, box.y + box.height / 2 - 20);
    const drill = sam.getByRole('region', { name: 'Projects of the selected cell' });
    await expect(drill.getByRole('grid').getByRole('row')).not.toHaveCount(1);

    // The keyboard way: the same roll-up as a grid, with a link per cell.
    const rollup = sam.getByRole('grid', { name: 'Compliance by program and standard' });
    await rollup.getByRole('link', { name: 'Projects of Financial System Migration on status-reporting' }).click();
    await expect(drill.getByRole('heading')).toHaveText('Financial System Migration × status-reporting: projects');
    const projects = drill.getByRole('grid', { name: 'Projects of the selected program and standard' });
    await expect(projects.getByRole('row').filter({ hasText: 'General Ledger Cut-over' })).toBeVisible();
    await expect(projects.getByRole('row').nth(1)).toContainText(
      /pending|adopted|tailored|grandfathered|variance-pending|variance-approved|non-compliant|overdue/,
    );
    await expectAccessible(sam);

    // As of the day before the demo's history begins (its first fact: the first program registered, a quarter
    // ago): nothing was registered yet.
    const programs = await call<{ registeredAt: string }[]>(request, await tokenFor(request, 'sam.strategic'), 'GET', '/api/program/programs');
    const firstFact = Math.min(...programs.map((p) => Date.parse(p.registeredAt)));
    expect(firstFact).toBeLessThan(Date.now() - 12 * 7 * 86_400_000);
    const dayBefore = new Date(firstFact - 86_400_000).toISOString().slice(0, 10);
    await sam.getByLabel('As of').fill(dayBefore);
    await expect(summary).toContainText('0 of 0 project rows compliant');
    await expect(sam).toHaveURL(new RegExp(`asOf=${dayBefore}`));
    await sam.getByLabel('As of').fill('');
    await expect(summary).not.toContainText('0 of 0');

    // Filters narrow the figures, and the CSV is the API's own, with its header line.
    await sam.getByRole('combobox', { name: 'Program' }).click();
    await sam.getByRole('option', { name: 'Financial System Migration' }).click();
    await expect(rollup.getByRole('row').filter({ hasText: 'Human Resources' })).toHaveCount(0);
    const download = sam.waitForEvent('download');
    await sam.getByRole('button', { name: 'Download CSV' }).click();
    const file = await (await download).path();
    const lines = readFileSync(file, 'utf8').trim().split(/\r?\n/);
    expect(lines[0]).toBe('programId,programCode,programName,projectId,projectCode,projectName,standardKey,version,adoptionDeadline,state');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.includes(',fsm,'))).toBe(true);
  });
});
