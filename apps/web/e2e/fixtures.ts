import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';

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

/** A demo user's token from the evaluation sign-in, for setup made through the APIs on the app's origin. */
export async function tokenFor(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post('/evaluation/sign-in', { data: { username } });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

/** One API call on the app's origin with `token`; a POST carries a fresh idempotency key. The answer must be 2xx. */
export async function call<T>(request: APIRequestContext, token: string, method: 'GET' | 'POST' | 'PATCH', path: string, data?: object): Promise<T> {
  const response = await request.fetch(path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(method === 'POST' ? { 'idempotency-key': crypto.randomUUID() } : {}) },
    ...(data ? { data } : {}),
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  return (await response.json()) as T;
}

/**
 * Collects what the browser refuses under the Content-Security-Policy on `page` from now on: each
 * `securitypolicyviolation` event (listened for before any of the app's scripts run) and each console
 * error that names the policy. Read the list at the end of the test.
 */
export async function watchPolicyViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|unsafe-eval|unsafe-inline/i.test(message.text())) fromConsole.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (/Content Security Policy|unsafe-eval/i.test(error.message)) fromConsole.push(error.message);
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __policyViolations: string[] }).__policyViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  return async () => {
    const fromEvents = await page.evaluate(() => (window as unknown as { __policyViolations?: string[] }).__policyViolations ?? []).catch(() => []);
    return [...fromEvents, ...fromConsole];
  };
}

/** A unique suffix for names a test creates on the shared platform. */
export function unique(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
}

export const test = base;
export { expect };
