import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, signInAs, test, unique } from './fixtures';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function choose(page: Page, scope: Page | Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function openStandard(page: Page, key: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
  await page.getByLabel('Search').fill(key);
  await page.getByRole('grid', { name: 'Catalog' }).getByRole('link', { name: key, exact: true }).click();
}

async function draftVersion(page: Page, version: string, startFrom?: string): Promise<void> {
  const form = page.getByRole('region', { name: 'Draft a new version' });
  await form.getByLabel('Version').fill(version);
  await form.getByLabel('Effective date').fill(day(1));
  await form.getByLabel('Adoption deadline').fill(day(120));
  if (startFrom) await choose(page, form, 'Start from', `version ${startFrom}`);
  await form.getByLabel('Change summary').fill(`Version ${version}`);
  await form.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(version);
}

test.describe('strategic PMO: standards', () => {
  test('create a standard and a draft with leeway, see a refusal at its field, submit, preview two waves, publish, then diff a narrowed revision', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const key = `cadence-${unique()}`;
    await signInAs(page, 'sam.strategic');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();

    // a new standard from the catalog
    await page.getByRole('button', { name: 'New standard' }).click();
    const dialog = page.getByRole('dialog', { name: 'New standard' });
    await dialog.getByLabel('Key').fill(key);
    await dialog.getByLabel('Title').fill(`Schedule upkeep ${key}`);
    await dialog.getByLabel('Tags').fill('scheduling');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Create standard' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Schedule upkeep ${key}`, { timeout: 30_000 });
    await expectAccessible(page);

    // a draft with one requirement with leeway; a bad id is refused by the server at its field
    await draftVersion(page, '1.0.0');
    await page.getByRole('button', { name: 'Add requirement' }).click();
    const requirement = page.getByRole('group', { name: 'Requirement 1' });
    await requirement.getByLabel('ID').fill('ims cadence');
    await requirement.getByLabel('Text').fill('Update the Integrated Master Schedule every 5 to 10 days');
    await choose(page, requirement, 'Leeway', 'a range');
    await requirement.getByLabel('Minimum').fill('5');
    await requirement.getByLabel('Maximum').fill('10');
    await requirement.getByLabel('Unit').fill('days');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const idField = requirement.getByLabel('ID');
    await expect(idField).toHaveAttribute('aria-invalid', 'true');
    await expect(requirement.getByText(/requirements\/0\/id must be a requirement id/)).toBeVisible();
    await expectAccessible(page);
    await idField.fill('IMS-CADENCE');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
    await expect(idField).not.toHaveAttribute('aria-invalid', 'true');

    // submit from the standard's page
    await page.getByRole('link', { name: /^Back to/ }).click();
    await page.getByRole('button', { name: 'Submit for review 1.0.0' }).click();
    const versions = page.getByRole('grid', { name: 'Versions' });
    await expect(versions.getByText('in-review')).toBeVisible();
    await page.getByRole('link', { name: 'Publish 1.0.0…' }).click();

    // two waves: a program by name, then programs by tag
    const publishSection = page.getByRole('region', { name: 'Publish in waves' });
    const wave1 = publishSection.getByRole('group', { name: 'Wave 1' });
    await wave1.getByRole('combobox', { name: 'Programs' }).click();
    await page.getByRole('option', { name: /^HR Modernisation/ }).click();
    await wave1.getByLabel('Opens on').fill(day(0));
    await wave1.getByLabel('Adoption deadline').fill(day(30));
    await publishSection.getByRole('button', { name: 'Add wave' }).click();
    const wave2 = publishSection.getByRole('group', { name: 'Wave 2' });
    await wave2.getByLabel('Program tags').fill('finance');
    await wave2.getByLabel('Opens on').fill(day(31));
    await wave2.getByLabel('Adoption deadline').fill(day(90));
    const publish = publishSection.getByRole('button', { name: 'Publish 1.0.0' });
    await expect(publish).toBeDisabled();

    // the preview's figures are on screen before publishing
    await publishSection.getByRole('button', { name: 'Preview publication' }).click();
    const reach = page.getByRole('grid', { name: 'Reach per wave' });
    await expect(reach.getByRole('row')).toHaveCount(3);
    const firstWave = reach.getByRole('row').filter({ hasText: 'wave 1' });
    await expect(firstWave).toContainText('HR Modernisation');
    await expect(firstWave.getByRole('gridcell', { name: /^\d+(\.\d)? %$/ })).toHaveCount(4);
    await expect(reach.getByRole('row').filter({ hasText: 'wave 2' })).toContainText('Financial System Migration');
    await expect(page.getByRole('heading', { name: /^Uncovered programs \(\d+\)$/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Tailored outside the new leeway \(\d+\)$/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /^Variances whose ground changes \(\d+\)$/ })).toBeVisible();
    await expectAccessible(page);
    await expect(publish).toBeEnabled();

    // a change to the waves asks for a new preview
    await wave2.getByLabel('Adoption deadline').fill(day(91));
    await expect(publish).toBeDisabled();
    await publishSection.getByRole('button', { name: 'Preview publication' }).click();
    await expect(publish).toBeEnabled();
    await publish.click();
    await expect(page.getByText('Version 1.0.0 is published.')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Waves' })).toContainText('wave 1: HR Modernisation');
    await expect(page.getByLabel('State: published')).toBeVisible();
    await expectAccessible(page);

    // a revision that narrows the leeway is a major change
    await page.getByRole('link', { name: /^Back to/ }).click();
    await draftVersion(page, '1.1.0', '1.0.0');
    await page.getByRole('group', { name: 'Requirement 1' }).getByLabel('Maximum').fill('8');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Draft saved.' })).toBeVisible();
    await page.getByRole('link', { name: /^Back to/ }).click();
    const compare = page.getByRole('region', { name: 'Compare two versions' });
    await choose(page, compare, 'From version', '1.0.0');
    await choose(page, compare, 'To version', '1.1.0');
    await compare.getByRole('button', { name: 'Compare' }).click();
    await expect(page.getByText('Class: major')).toBeVisible();
    const changes = page.getByRole('grid', { name: 'Requirements changes' });
    await expect(changes.getByRole('row').filter({ hasText: 'narrowed' })).toContainText('major');
    await expectAccessible(page);
  });

  test('the admin returns, deletes and retires versions, and sets the policies', async ({ page }) => {
    test.setTimeout(300_000);
    const key = `lifecycle-${unique()}`;
    await signInAs(page, 'sam.strategic');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    await page.getByRole('button', { name: 'New standard' }).click();
    const dialog = page.getByRole('dialog', { name: 'New standard' });
    await dialog.getByLabel('Key').fill(key);
    await dialog.getByLabel('Title').fill(`Lifecycle ${key}`);
    await dialog.getByRole('button', { name: 'Create standard' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Lifecycle ${key}`, { timeout: 30_000 });

    // policies: saved, refused with the server's reason, and kept
    await page.getByLabel('Longest variance (months)').fill('6');
    await page.getByLabel('Decision SLA (business days)').fill('5');
    await page.getByRole('button', { name: 'Save variance policy' }).click();
    await expect(page.getByText('Variance policy saved.')).toBeVisible();
    await page.getByLabel('Threshold (percent complete)').fill('150');
    await page.getByRole('button', { name: 'Save grandfathering policy' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'thresholdPercent' })).toBeVisible();
    await page.getByLabel('Threshold (percent complete)').fill('80');
    await page.getByRole('button', { name: 'Save grandfathering policy' }).click();
    await expect(page.getByText('Grandfathering policy saved.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Longest variance (months)')).toHaveValue('6', { timeout: 30_000 });
    await expect(page.getByLabel('Threshold (percent complete)')).toHaveValue('80');

    // submit, return to draft, delete the draft
    await draftVersion(page, '1.0.0');
    await page.getByRole('link', { name: /^Back to/ }).click();
    const versions = page.getByRole('grid', { name: 'Versions' });
    await page.getByRole('button', { name: 'Submit for review 1.0.0' }).click();
    await page.getByRole('button', { name: 'Return to draft 1.0.0' }).click();
    await expect(versions.getByText('draft', { exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Delete draft 1.0.0' }).click();
    await page.getByRole('dialog', { name: 'Delete draft 1.0.0?' }).getByRole('button', { name: 'Delete draft' }).click();
    await expect(versions.getByRole('link', { name: '1.0.0' })).toHaveCount(0);

    // publish in one wave, then retire with a reason
    await draftVersion(page, '1.0.0');
    await page.getByRole('link', { name: /^Back to/ }).click();
    await page.getByRole('button', { name: 'Submit for review 1.0.0' }).click();
    await page.getByRole('link', { name: 'Publish 1.0.0…' }).click();
    const wave = page.getByRole('group', { name: 'Wave 1' });
    await wave.getByLabel('Program tags').fill('hr');
    await wave.getByLabel('Opens on').fill(day(0));
    await wave.getByLabel('Adoption deadline').fill(day(30));
    await page.getByRole('button', { name: 'Preview publication' }).click();
    await expect(page.getByRole('grid', { name: 'Reach per wave' })).toContainText('HR Modernisation');
    await page.getByRole('button', { name: 'Publish 1.0.0' }).click();
    await expect(page.getByText('Version 1.0.0 is published.')).toBeVisible();
    await page.getByRole('link', { name: /^Back to/ }).click();
    await page.getByRole('button', { name: 'Retire 1.0.0' }).click();
    const retire = page.getByRole('dialog', { name: 'Retire 1.0.0?' });
    await retire.getByLabel('Reason').fill('Replaced by the enterprise schedule standard');
    await expectAccessible(page);
    await retire.getByRole('button', { name: 'Retire' }).click();
    await expect(versions.getByText('retired')).toBeVisible();
    await expectAccessible(page);
  });

  test('the reviewer reads a standard without its actions, and the demo revision diffs as minor', async ({ page }) => {
    await signInAs(page, 'rita.reviewer');
    await expect(page.getByRole('button', { name: 'New standard' })).toHaveCount(0);
    await openStandard(page, 'status-reporting');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Status reporting cadence', { timeout: 30_000 });
    const versions = page.getByRole('grid', { name: 'Versions' });
    await expect(versions.getByRole('link', { name: '1.1.0' })).toBeVisible();
    await expect(versions.getByRole('button', { name: /^(Submit|Delete|Return|Retire|Publish)/ })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Draft a new version' })).toHaveCount(0);
    await expect(page.getByLabel('Longest variance (months)')).toHaveAttribute('readonly');
    await expect(page.getByRole('button', { name: 'Save variance policy' })).toHaveCount(0);
    await expectAccessible(page);

    const compare = page.getByRole('region', { name: 'Compare two versions' });
    await choose(page, compare, 'From version', '1.0.0');
    await choose(page, compare, 'To version', '1.1.0');
    await compare.getByRole('button', { name: 'Compare' }).click();
    await expect(page.getByText('Class: minor')).toBeVisible();
    await expect(page.getByRole('grid', { name: 'Requirements changes' })).toContainText('LESSONS-LOG');
    await expectAccessible(page);

    // the draft reads as requirements, not as an editor
    await page.getByRole('link', { name: /^Back to/ }).click();
    await versions.getByRole('link', { name: '1.1.0' }).click();
    await expect(page.getByRole('grid', { name: 'Requirements' })).toContainText('STATUS-CADENCE');
    await expect(page.getByRole('button', { name: 'Save draft' })).toHaveCount(0);
    await expectAccessible(page);
  });
});
