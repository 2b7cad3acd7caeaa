import { call, expect, expectAccessible, test, tokenFor, unique } from './fixtures';
import { pageAs } from './oversight-setup';

test.describe('project close-out', () => {
  // Two shared cores: the first pages of a run and axe take their time.
  test.describe.configure({ timeout: 180_000 });

  test('closing with a post-implementation review, a lesson sent upward and seen in the strategic inbox', async ({ browser, request }) => {
    const suffix = unique();
    const lesson = `The status cadence was unclear at the hand-over ${suffix}`;
    // A fresh project of the demo program fsm, registered by its program manager.
    const token = await tokenFor(request, 'paula.program');
    const programs = await call<{ id: string; code?: string }[]>(request, token, 'GET', '/api/program/programs');
    const fsm = programs.find((p) => p.code === 'fsm');
    if (!fsm) throw new Error('the demo program fsm is missing');
    const project = await call<{ id: string }>(request, token, 'POST', '/api/project/projects', { programId: fsm.id, name: `Close-out ${suffix}` });

    const paula = await pageAs(browser, 'paula.program');
    await paula.goto(`/projects/${project.id}`);
    await expect(paula.getByRole('heading', { level: 1, name: `Close-out ${suffix}` })).toBeVisible({ timeout: 30_000 });
    await paula.getByRole('tab', { name: 'Close-out' }).click();
    const form = paula.getByRole('form', { name: 'Close the project' });
    await form.getByRole('textbox', { name: 'Reason for closing' }).fill('Delivered and handed over to operations');
    await form.getByRole('textbox', { name: 'Objective' }).fill('Reports on time for the whole program');
    await form.getByRole('textbox', { name: 'What was delivered' }).fill('Weekly reports from every project');
    await form.getByRole('button', { name: 'Add a lesson' }).click();
    await form.getByRole('textbox', { name: 'Lesson 1: what happened' }).fill(lesson);
    await form.getByRole('textbox', { name: 'Lesson 1: recommendation' }).fill('Say from which day the cadence counts');
    await form.getByRole('combobox', { name: 'Lesson 1 concerns standard' }).click();
    await paula
      .getByRole('option', { name: /status-reporting/ })
      .first()
      .click();
    await expectAccessible(paula);
    await form.getByRole('button', { name: 'Close the project' }).click();

    await expect(paula.getByRole('heading', { name: 'Post-implementation review' })).toBeVisible({ timeout: 30_000 });
    await expect(paula.getByText('Delivered: Weekly reports from every project')).toBeVisible();
    const card = paula.getByRole('article', { name: `Lesson: ${lesson}` });
    await card.getByRole('button', { name: 'Send as feedback' }).click();
    await expect(card.getByText(/Sent as feedback on/)).toBeVisible();
    await expect(card.getByRole('button', { name: 'Send as feedback' })).toHaveCount(0);
    await expectAccessible(paula);

    const rita = await pageAs(browser, 'rita.reviewer');
    await rita.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feedback' }).click();
    await rita.getByRole('textbox', { name: 'Search' }).fill(suffix);
    const row = rita.getByRole('grid', { name: 'Feedback' }).getByRole('row').filter({ hasText: lesson });
    await expect(row).toContainText('Say from which day the cadence counts', { timeout: 30_000 });
    await expect(row).toContainText('insufficient');
    await row.getByRole('link', { name: 'Lesson of a closed project' }).click();
    await expect(rita.getByRole('heading', { level: 1, name: `Close-out ${suffix}` })).toBeVisible({ timeout: 30_000 });
  });
});
