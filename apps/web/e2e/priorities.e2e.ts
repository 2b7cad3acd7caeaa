import { expect, expectAccessible, test } from './fixtures';
import { pageAs, screenshotPath } from './oversight-setup';
import { PrioritiesScreen } from './priorities-pages';

test.describe('Priorities', () => {
  test('a priority changed under the policy, a change outside it refused and asked for instead, and the request approved', async ({ browser }) => {
    test.setTimeout(120_000);
    const paula = await pageAs(browser, 'paula.program');
    const screen = new PrioritiesScreen(paula);
    await screen.open('Program Financial System Migration');
    await expect(paula.getByText('Policy in force: Project priority policy 1.0.0')).toBeVisible();
    // The demo's history: the ledger cut-over moved first in its program, a change asked for waits.
    await expect(screen.ranking().getByRole('row').nth(1)).toContainText('General Ledger Cut-over');
    await expect(screen.requests()).toContainText('Independent verification must start before the cut-over rehearsal');
    const before = await screen.order();

    // Within the policy: two places up, applied at once; the two projects it passes move down one.
    const fourth = before[3];
    let dialog = await screen.openChange(fourth);
    await screen.fill(dialog, 2, 'Needed before the ledger rehearsal');
    await dialog.getByRole('button', { name: 'Change rank' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => screen.order()).toEqual([before[0], before[3], before[1], before[2], ...before.slice(4)]);
    await expectAccessible(paula);

    // Outside the policy: from last to first is more than two places, refused with what the policy does not allow.
    const afterFirst = await screen.order();
    const last = afterFirst[afterFirst.length - 1];
    dialog = await screen.openChange(last);
    await screen.fill(dialog, 1, 'Moved first to free budget for the cut-over');
    await dialog.getByRole('button', { name: 'Change rank' }).click();
    await expect(dialog.getByRole('alert')).toContainText('a direct change may move a project at most 2 place(s) in the program ranking');
    await paula.screenshot({ path: screenshotPath('priorities-refused.png') });

    // Asked for instead: pending until someone the policy allows decides it; the ranking is as it was.
    await dialog.getByRole('button', { name: 'Ask for this change' }).click();
    await expect(dialog).toBeHidden();
    expect(await screen.order()).toEqual(afterFirst);
    await expect(screen.requests().getByRole('row').filter({ hasText: 'Moved first to free budget for the cut-over' })).toContainText(
      `${afterFirst.length} → 1`,
    );

    // The reviewer approves it: the project takes first place.
    const rita = await pageAs(browser, 'rita.reviewer');
    const reviewer = new PrioritiesScreen(rita);
    await reviewer.open('Program Financial System Migration');
    await rita.getByLabel('Decision reason').fill('Budget relief agreed by the steering committee');
    await reviewer
      .requests()
      .getByRole('row')
      .filter({ hasText: 'Moved first to free budget for the cut-over' })
      .getByRole('button', { name: /^Approve/ })
      .click();
    await expect.poll(() => reviewer.order()).toEqual([last, ...afterFirst.slice(0, -1)]);
    await expect(reviewer.requests()).not.toContainText('Moved first to free budget for the cut-over');
    await rita.screenshot({ path: screenshotPath('priorities.png') });
  });
});
