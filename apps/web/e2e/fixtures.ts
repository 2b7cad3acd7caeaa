import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

/** Signs in through the embedded mode's evaluation sign-in, as a person would: the list of demo users. */
export async function signInAs(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page
    .getByRole('list', { name: 'Demo users' })
    .getByRole('button', { name: new RegExp(`^${username.replace('.', '\\.')}`) })
    .click();
  await expect(page.getByLabel('Signed in as')).toContainText(username);
}

/** axe-core on the page as it is now: no serious or critical violation (WCAG 2.1 A and AA rules). */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** A unique suffix for names a test creates on the shared platform. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

export const test = base;
export { expect };
