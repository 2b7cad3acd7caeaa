import { expect, expectAccessible, signInAs, test } from './fixtures';

test.describe('evaluation sign-in (embedded mode)', () => {
  test('lists the demo users, marked as evaluation only, and passes axe', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByText('Evaluation sign-in')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Demo users' }).getByRole('button')).toHaveCount(8);
    await expectAccessible(page);
  });

  test('each role sees its own navigation, and signing out returns to the sign-in page', async ({ page }) => {
    await signInAs(page, 'sam.strategic');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Catalog' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('list', { name: 'Demo users' })).toBeVisible();

    await signInAs(page, 'pete.project');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' })).toHaveCount(0);
  });

  test('a page the role does not open says so instead of a blank page', async ({ page }) => {
    await signInAs(page, 'pete.project');
    await page.goto('/catalog');
    await expect(page.getByText('not one your roles open')).toBeVisible();
  });

  test('the catalog lists the demo standards and filters them by kind', async ({ page }) => {
    await signInAs(page, 'sam.strategic');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
    const grid = page.getByRole('grid', { name: 'Catalog' });
    await expect(grid.getByRole('row')).not.toHaveCount(1);
    await page.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'report-format' }).click();
    await expect(grid.getByRole('gridcell', { name: 'report-format' }).first()).toBeVisible();
    await expect(grid.getByRole('gridcell', { name: 'methodology', exact: true })).toHaveCount(0);
    await expectAccessible(page);
  });
});

test.describe('keyboard', () => {
  test('signs in, moves between screens and filters the catalog without a mouse', async ({ page }) => {
    await page.goto('/');
    const firstUser = page.getByRole('list', { name: 'Demo users' }).getByRole('button').first();
    await expect(firstUser).toBeVisible();
    // Tab until the first demo user has the focus, then Enter.
    for (let i = 0; i < 10 && !(await firstUser.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
    await expect(firstUser).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByLabel('Signed in as')).toBeVisible();

    const catalogLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' });
    for (let i = 0; i < 15 && !(await catalogLink.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
    await expect(catalogLink).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Catalog', level: 1 })).toBeVisible();

    const search = page.getByRole('textbox', { name: 'Search' });
    for (let i = 0; i < 15 && !(await search.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
    await expect(search).toBeFocused();
    await page.keyboard.type('status');
    await expect(
      page
        .getByRole('grid', { name: 'Catalog' })
        .getByRole('gridcell', { name: /status/i })
        .first(),
    ).toBeVisible();
  });
});
