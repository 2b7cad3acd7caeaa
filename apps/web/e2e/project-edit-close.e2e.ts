import { call, expect, expectAccessible, signInAs, test, tokenFor, unique } from './fixtures';

test.describe('a project (paula.program, its program manager)', () => {
  test.describe.configure({ timeout: 180_000 });

  test('is edited, with a refused value said at its field, then closed with a reason only from the Close-out tab', async ({ page, request }) => {
    // A project of its own, so that closing it changes nothing another test reads.
    const paula = await tokenFor(request, 'paula.program');
    const programs = await call<{ id: string; code?: string }[]>(request, paula, 'GET', '/api/program/programs');
    const name = `Payroll bridge ${unique()}`;
    const project = await call<{ id: string }>(request, paula, 'POST', '/api/project/projects', {
      programId: programs.find((p) => p.code === 'fsm')?.id,
      name,
      phase: 'planning',
      percentComplete: 5,
    });

    await signInAs(page, 'paula.program');
    await page.goto(`/projects/${project.id}`);
    const title = page.getByRole('heading', { level: 1, name });
    await expect(title).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('planning · 5% complete')).toBeVisible();

    await page.getByRole('button', { name: 'Edit project' }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${name}` });
    await edit.getByRole('combobox', { name: 'Phase' }).click();
    await page.getByRole('option', { name: 'execution' }).click();
    await edit.getByRole('textbox', { name: 'Percent complete' }).fill('150');
    await edit.getByRole('textbox', { name: 'Tags (comma-separated)' }).fill('payroll');
    await edit.getByRole('button', { name: 'Save the project' }).click();
    const percent = edit.getByRole('textbox', { name: 'Percent complete' });
    await expect(percent).toHaveAttribute('aria-invalid', 'true');
    await expect(percent).toHaveAccessibleDescription(/percentComplete must be <= 100/);
    await expect(edit.getByRole('alert')).toBeVisible();
    await expectAccessible(page);
    await percent.fill('55');
    await edit.getByRole('button', { name: 'Save the project' }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByText('execution · 55% complete')).toBeVisible();

    // The header's button leads to the one close-out form, in the Close-out tab, its reason field focused.
    await page.getByRole('button', { name: 'Close project' }).click();
    await expect(page.getByRole('tab', { name: 'Close-out' })).toHaveAttribute('aria-selected', 'true');
    const close = page.getByRole('form', { name: 'Close the project' });
    const reason = close.getByRole('textbox', { name: 'Reason for closing' });
    await expect(reason).toBeFocused();
    // A project that delivered nothing closes with a reason only.
    await close.getByRole('checkbox', { name: /With a post-implementation review/ }).uncheck();
    await expect(close.getByRole('textbox', { name: 'What was delivered' })).toHaveCount(0);
    await reason.fill('Merged into the ledger cut-over');
    await expectAccessible(page);
    await close.getByRole('button', { name: 'Close the project' }).click();
    await expect(page.getByText('This project was closed without a post-implementation review.')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/^closed \d{4}-\d{2}-\d{2}$/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Edit project' })).toHaveCount(0);
    const stored = await call<{ phase: string; percentComplete: number; tags: string[]; closedAt: string | null }>(
      request,
      paula,
      'GET',
      `/api/project/projects/${project.id}`,
    );
    expect(stored).toMatchObject({ phase: 'execution', percentComplete: 55, tags: ['payroll'] });
    expect(stored.closedAt).not.toBeNull();
  });
});
