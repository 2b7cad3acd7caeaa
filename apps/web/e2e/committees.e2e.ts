import { readFileSync } from 'node:fs';
import { call, expect, expectAccessible, test, tokenFor } from './fixtures';
import { pageAs, requestVariance, screenshotPath } from './oversight-setup';

const DAY = 86_400_000;

test.describe('steering committees', () => {
  test('a committee meeting whose agenda holds a late variance, and whose recorded decision approves it', async ({ browser, request }) => {
    test.setTimeout(180_000);
    const suffix = crypto.randomUUID().slice(0, 8);
    const justification = `Quarterly steering review for the regulator ${suffix}`;
    const varianceId = await requestVariance(request, 'paula.program', justification);
    const platform = await tokenFor(request, 'pat.platform');
    const moveClock = async (now: string) =>
      expect((await request.put('/api/strategic/clock', { headers: { authorization: `Bearer ${platform}` }, data: { now } })).ok()).toBe(true);
    try {
      // Sixteen days on, nobody has decided it: past its decision due date (ten business days), late.
      await moveClock(new Date(Date.now() + 16 * DAY).toISOString());
      const sam = await pageAs(browser, 'sam.strategic');
      await sam.getByRole('link', { name: 'Steering committees' }).click();
      await sam.getByRole('button', { name: 'Set up a committee' }).click();
      const dialog = sam.getByRole('dialog', { name: 'Set up a steering committee' });
      await dialog.getByLabel('Committee name').fill(`Finance steering committee ${suffix}`);
      await dialog.getByRole('checkbox', { name: 'Financial System Migration' }).check();
      await dialog.getByRole('textbox', { name: 'Username of member 1' }).fill('sam.strategic');
      await dialog.getByRole('textbox', { name: 'Name of member 1', exact: true }).fill('Sam Strategic');
      await dialog.getByRole('button', { name: 'Add a member' }).click();
      await dialog.getByRole('textbox', { name: 'Username of member 2' }).fill('rita.reviewer');
      await dialog.getByRole('textbox', { name: 'Name of member 2', exact: true }).fill('Rita Reviewer');
      await dialog.getByRole('combobox', { name: 'Role of member 2' }).click();
      await sam.getByRole('option', { name: 'secretary' }).click();
      await dialog.getByRole('button', { name: 'Set up' }).click();
      await sam.getByRole('link', { name: `Finance steering committee ${suffix}` }).click();
      await expect(sam.getByRole('region', { name: 'Members' })).toContainText('Rita Reviewer (rita.reviewer), secretary');

      // The meeting, on the (moved) platform day: its agenda is built from what needs a decision in the program.
      await sam.getByRole('button', { name: 'Schedule a meeting' }).click();
      await sam.getByRole('button', { name: 'Build the agenda' }).click();
      const item = sam.getByRole('region', { name: new RegExp(`Late variance: ${justification}`) });
      await expect(item).toContainText('Late variance');
      await expect(item).toContainText('decision due');
      await sam.getByRole('checkbox', { name: 'Sam Strategic present' }).check();
      await sam.getByRole('checkbox', { name: 'Rita Reviewer present' }).check();
      await sam.getByRole('button', { name: 'Save attendance' }).click();
      await expect(sam.getByRole('checkbox', { name: 'Rita Reviewer present' })).toBeChecked();
      await expectAccessible(sam);

      // The chair approves it: the committee's decision is the variance's decision.
      await item.getByRole('button', { name: 'Record a decision' }).click();
      const decision = sam.getByRole('dialog', { name: 'Record a decision' });
      await expect(decision.getByRole('combobox', { name: 'Decision' })).toHaveText('Approve the variance');
      await decision.getByLabel('Reason').fill('The sponsor call covers the regulator’s concern');
      await decision.getByRole('button', { name: 'Record' }).click();
      await expect(item).toContainText('Decision: approved by Sam Strategic');
      await expect(item).toContainText('variance.decided sent to its program');
      const reader = await tokenFor(request, 'rita.reviewer');
      const variance = await request.get(`/api/strategic/variances/${varianceId}`, { headers: { authorization: `Bearer ${reader}` } });
      expect(((await variance.json()) as { state: string }).state).toBe('approved');
      await sam.screenshot({ path: screenshotPath('committee-meeting.png') });

      // The minutes: closed with a summary, then taken away as Markdown.
      await sam.getByLabel('Summary of the minutes').fill('The late cadence variance is approved.');
      await sam.getByRole('button', { name: 'Close the minutes' }).click();
      await expect(sam.getByText('Closed: the minutes are final.')).toBeVisible();
      await expect(item.getByRole('button', { name: 'Record a decision' })).toHaveCount(0);
      const [download] = await Promise.all([sam.waitForEvent('download'), sam.getByRole('button', { name: 'Download the minutes (Markdown)' }).click()]);
      const minutes = readFileSync(await download.path(), 'utf8');
      expect(minutes).toContain(`# Minutes: Finance steering committee ${suffix}`);
      expect(minutes).toContain(`**Late variance: ${justification}**`);
      expect(minutes).toContain('   - Decision: approved by Sam Strategic');
      expect(minutes).toContain('The late cadence variance is approved.');
    } finally {
      await moveClock(new Date().toISOString());
    }
  });

  test('the admin changes a committee after set-up: its cadence, a program it steers and a member', async ({ browser, request }) => {
    const suffix = crypto.randomUUID().slice(0, 8);
    const sam = await tokenFor(request, 'sam.strategic');
    const programs = await call<{ programId: string; name: string }[]>(request, sam, 'GET', '/api/strategic/portfolio/programs');
    const program = (name: string) => programs.find((p) => p.name === name)?.programId as string;
    const name = `Payments steering committee ${suffix}`;
    const committee = await call<{ id: string }>(request, sam, 'POST', '/api/strategic/committees', {
      name,
      cadence: 'monthly',
      programIds: [program('Regulated Payments Platform')],
      members: [{ username: 'sam.strategic', name: 'Sam Strategic', role: 'chair' }],
    });

    const page = await pageAs(browser, 'sam.strategic');
    await page.goto(`/committees/${committee.id}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Change the committee' }).click();
    const dialog = page.getByRole('dialog', { name: `Change ${name}` });
    await expect(dialog.getByLabel('Committee name')).toHaveCount(0);
    await dialog.getByRole('combobox', { name: 'Cadence' }).click();
    await page.getByRole('option', { name: 'fortnightly' }).click();
    await dialog.getByRole('checkbox', { name: 'Grants Management Modernisation' }).check();
    await dialog.getByRole('button', { name: 'Add a member' }).click();
    await dialog.getByRole('textbox', { name: 'Username of member 2' }).fill('rita.reviewer');
    await dialog.getByRole('textbox', { name: 'Name of member 2', exact: true }).fill('Rita Reviewer');
    await expectAccessible(page);
    // A second chair is refused, and said so in the dialog.
    await dialog.getByRole('combobox', { name: 'Role of member 2' }).click();
    await page.getByRole('option', { name: 'chair' }).click();
    await dialog.getByRole('button', { name: 'Save the changes' }).click();
    await expect(dialog.getByRole('alert')).toContainText('a committee has exactly one chair; 2 given');
    await dialog.getByRole('combobox', { name: 'Role of member 2' }).click();
    await page.getByRole('option', { name: 'secretary' }).click();
    await dialog.getByRole('button', { name: 'Save the changes' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('Meets fortnightly.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Members' })).toContainText('Rita Reviewer (rita.reviewer), secretary');
    await expect(page.getByRole('region', { name: 'Programs it steers' })).toContainText('Grants Management Modernisation');
    const stored = await call<{ cadence: string; programIds: string[] }>(request, sam, 'GET', `/api/strategic/committees/${committee.id}`);
    expect(stored.cadence).toBe('fortnightly');
    expect(stored.programIds.sort()).toEqual([program('Regulated Payments Platform'), program('Grants Management Modernisation')].sort());
  });

  test('the auditor reads a committee meeting and is offered no change', async ({ browser }) => {
    const ada = await pageAs(browser, 'ada.auditor');
    await ada.getByRole('link', { name: 'Steering committees' }).click();
    await expect(ada.getByRole('button', { name: 'Set up a committee' })).toHaveCount(0);
    await ada.getByRole('table', { name: 'Steering committees' }).getByRole('link').first().click();
    await expect(ada.getByRole('button', { name: 'Schedule a meeting' })).toHaveCount(0);
    await expect(ada.getByRole('button', { name: 'Change the committee' })).toHaveCount(0);
    await ada.getByRole('table', { name: 'Meetings' }).getByRole('link').first().click();
    await expect(ada.getByRole('heading', { name: 'Agenda' })).toBeVisible();
    await expect(ada.getByRole('button', { name: 'Build the agenda' })).toHaveCount(0);
    await expect(ada.getByRole('button', { name: 'Record a decision' })).toHaveCount(0);
    await expectAccessible(ada);
  });
});
