import { expect, expectAccessible, signInAs, test } from './fixtures';

test.describe('my work', () => {
  // Two shared cores: the first pages of a run and axe take their time.
  test.describe.configure({ timeout: 180_000 });

  test('the strategic PMO sees variances to review or decide and feedback to triage, linked to where they are done', async ({ page }) => {
    await signInAs(page, 'sam.strategic');
    const work = page.getByRole('list', { name: 'My work' });
    await expect(work.getByRole('link').first()).toBeVisible({ timeout: 30_000 });
    await expect(work.getByRole('link', { name: /variance request/ }).first()).toHaveAttribute('href', /^\/variances\//);
    await expectAccessible(page);
  });

  test('a program manager sees adoptions to decide before the wave deadline, most urgent first', async ({ page }) => {
    await signInAs(page, 'paula.program');
    const work = page.getByRole('list', { name: 'My work' });
    const adoption = work.getByRole('link', { name: /Decide the adoption of status-reporting/ }).first();
    await expect(adoption).toBeVisible({ timeout: 30_000 });
    await expect(adoption).toHaveAttribute('href', /^\/programs\//);
    const days = await work.locator('time').evaluateAll((times) => times.map((t) => t.getAttribute('datetime') ?? ''));
    expect(days.length).toBeGreaterThan(0);
    expect(days).toEqual([...days].sort());
    await expectAccessible(page);
  });

  test('a project manager sees the status report due and the pending requirements', async ({ page }) => {
    await signInAs(page, 'pete.project');
    const work = page.getByRole('list', { name: 'My work' });
    await expect(work.getByRole('link', { name: /status report due/ }).first()).toHaveAttribute('href', /^\/projects\//, { timeout: 30_000 });
    await expectAccessible(page);
  });
});
