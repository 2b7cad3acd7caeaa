import type { Page } from '@playwright/test';
import { expect, expectAccessible, signInAs, test, unique } from './fixtures';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function openStandard(page: Page, key: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
  await page.getByLabel('Search').fill(key);
  await page.getByRole('grid', { name: 'Catalog' }).getByRole('link', { name: key, exact: true }).click();
}

/** Replaces the editor's text as typed by a person, without the editor's auto-indent. */
async function typeYaml(page: Page, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Playbook YAML' });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

const keyTask = (responsibleParty: string) => `phase: 1
keyTask: 1
name: Establish the program office
objective: Set up the governance of the program.
responsibleParty: customer
category: programManagement
activities:
  - text: Develop Program Charter
    responsibleParty: ${responsibleParty}
  - text: Staff the PMO
    responsibleParty: shared
inputs:
  - Vision
outputs:
  - Program Charter
stakeholders:
  - text: Program Manager
    responsibleParty: customer
bestPractice:
  - Keep the same key personnel throughout
lessonsLearned:
  - Start the charter early
`;

test.describe('strategic PMO: methodology playbook', () => {
  test('the demo methodology reads as a tree, with the RACI matrix of a key task', async ({ page }) => {
    await signInAs(page, 'rita.reviewer');
    await openStandard(page, 'migration-lifecycle');
    await page.getByRole('grid', { name: 'Versions' }).getByRole('link', { name: '1.0.0' }).click();
    const playbook = page.getByRole('region', { name: 'Playbook' });
    await expect(playbook.getByRole('heading', { name: 'Phase 1' })).toBeVisible({ timeout: 30_000 });
    await expect(playbook.getByRole('heading', { name: 'Phase 3' })).toBeVisible();
    await playbook.getByRole('button', { name: /^Key task 1\.2: Establish Initial Customer/ }).click();
    await expect(playbook.getByRole('list', { name: 'Activities' }).first()).toContainText('Develop Program Charter');
    await expect(playbook.getByRole('list', { name: 'Outputs' }).first()).toContainText('IV&V Plan');
    await expect(playbook.getByRole('list', { name: 'Stakeholders' }).first()).toContainText('Executive Sponsor');
    await expect(playbook.getByRole('list', { name: 'Best practices' }).first()).toBeVisible();
    await playbook.getByRole('button', { name: 'RACI matrix of 1.2' }).click();
    const raci = page.getByRole('grid', { name: 'RACI matrix of key task 1.2' });
    const row = raci.getByRole('row').filter({ hasText: 'Develop Program Charter' });
    await expect(row.getByRole('gridcell', { name: 'R', exact: true })).toHaveCount(1);
    await expect(page.getByRole('region', { name: 'Import the playbook (YAML)' })).toHaveCount(0);
    await expectAccessible(page);
  });

  test('a YAML import shows the server errors at their line, then imports', async ({ page }) => {
    test.setTimeout(150_000);
    const key = `playbook-${unique()}`;
    await signInAs(page, 'sam.strategic');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    await page.getByRole('button', { name: 'New standard' }).click();
    const dialog = page.getByRole('dialog', { name: 'New standard' });
    await dialog.getByLabel('Key').fill(key);
    await dialog.getByLabel('Title').fill(`Playbook ${key}`);
    await dialog.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'methodology' }).click();
    await dialog.getByRole('button', { name: 'Create standard' }).click();
    const form = page.getByRole('region', { name: 'Draft a new version' });
    await form.getByLabel('Version').fill('1.0.0');
    await form.getByLabel('Effective date').fill(day(1));
    await form.getByLabel('Adoption deadline').fill(day(90));
    await form.getByRole('button', { name: 'Create draft' }).click();
    await expect(page.getByText('No playbook yet: import one below.')).toBeVisible({ timeout: 30_000 });
    await expectAccessible(page);

    // not YAML: a 400 with line and column, shown in the list and as a diagnostic on that line
    await typeYaml(page, 'phase: 1\nkeyTask: 1\nname: [unclosed\nobjective: x\n');
    await page.getByRole('button', { name: 'Import playbook' }).click();
    const problems = page.getByRole('list', { name: 'Playbook problems' });
    await expect(problems).toContainText(/Line [34], column \d+/);
    await expect(page.locator('.cm-lint-marker-error')).not.toHaveCount(0);
    await expect(page.locator('.cm-lintRange-error')).not.toHaveCount(0);
    await expectAccessible(page);

    // valid YAML, not a key task: a 422 at the JSON path, placed on its line (line 9: the activity's party)
    await typeYaml(page, keyTask('nobody'));
    await page.getByRole('button', { name: 'Import playbook' }).click();
    await expect(problems).toContainText(/Line 9, column \d+: \/activities\/0\/responsibleParty/);
    const marked = page.locator('.cm-line').nth(8);
    await expect(marked.locator('.cm-lintRange-error')).toHaveCount(1);

    // fixed: imported, and the tree shows it
    await typeYaml(page, keyTask('customer'));
    await page.getByRole('button', { name: 'Import playbook' }).click();
    await expect(page.getByText('Playbook imported.')).toBeVisible();
    const playbook = page.getByRole('region', { name: 'Playbook' });
    await playbook.getByRole('button', { name: 'Key task 1.1: Establish the program office' }).click();
    await expect(playbook.getByRole('list', { name: 'Lessons learned' })).toContainText('Start the charter early');
    await expectAccessible(page);
  });
});
