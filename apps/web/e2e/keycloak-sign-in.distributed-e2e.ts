import { expect, expectAccessible, test, watchPolicyViolations } from './fixtures';

test.describe('sign-in on Keycloak (distributed mode)', () => {
  // Keycloak's pages and the first calls of three fresh services on a busy two-core machine.
  test.describe.configure({ timeout: 240_000 });
  test.use({ actionTimeout: 60_000, navigationTimeout: 60_000 });
  test('signs in on the real login form with PKCE, calls the APIs with the token, and signs out at Keycloak', async ({ page }) => {
    const violations = await watchPolicyViolations(page);
    const first = await page.goto('/catalog');
    // The app may talk to its own origin and to Keycloak's, nothing else.
    expect(first?.headers()['content-security-policy']).toMatch(/connect-src 'self' http:\/\/127\.0\.0\.1:\d+;/);
    await expect(page.getByRole('list', { name: 'Demo users' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // Keycloak's own page: the app never sees the password.
    await expect(page).toHaveURL(/\/realms\/pmo\/protocol\/openid-connect\/auth\?.*code_challenge_method=S256/);
    await page.getByLabel(/username/i).fill('sam.strategic');
    await page.getByLabel('Password', { exact: true }).fill('demo');
    await page.getByRole('button', { name: /sign in/i }).click();

    // Back in the app, on the page asked for, with the roles from the token.
    await expect(page.getByLabel('Signed in as')).toContainText('sam.strategic · strategic-admin', { timeout: 60_000 });
    await expect(page).toHaveURL(/\/catalog$/);
    await expect(page.getByRole('grid', { name: 'Catalog' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
    // The code exchange and the API calls passed the policy (connect-src names Keycloak's origin).
    expect(await violations()).toEqual([]);
    await expectAccessible(page);

    // A reload keeps the session (tab storage); signing out ends it at Keycloak.
    await page.reload();
    await expect(page.getByLabel('Signed in as')).toContainText('sam.strategic');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await page.goto('/catalog');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  });
});
