import { expect, expectAccessible, test, unique } from './fixtures';
import { pageAs, sendFeedback } from './oversight-setup';

test.describe('feedback inbox', () => {
  test('the reviewer triages new feedback: declined with a reason, then listed as declined', async ({ browser, request }) => {
    const text = `Which day starts the 14-day cadence? ${unique()}`;
    await sendFeedback(request, text);

    const rita = await pageAs(browser, 'rita.reviewer');
    await rita.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feedback' }).click();
    await expect(rita.getByRole('heading', { level: 1, name: 'Feedback inbox' })).toBeVisible();
    await rita.getByRole('textbox', { name: 'Search' }).fill(text);
    const grid = rita.getByRole('grid', { name: 'Feedback' });
    const row = grid.getByRole('row').filter({ hasText: text });
    await expect(row).toContainText('status-reporting 1.0.0');
    await expect(row).toContainText('unclear');
    await expectAccessible(rita);

    await row.getByRole('button', { name: `Triage: ${text}` }).click();
    const dialog = rita.getByRole('dialog', { name: /Triage feedback/ });
    await dialog.getByRole('combobox', { name: 'Outcome' }).click();
    await rita.getByRole('option', { name: 'Declined' }).click();
    // Declining needs a reason: the browser refuses the empty field before the API would.
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('The cadence counts from the last report; the 1.1.0 draft says so');
    await expectAccessible(rita);
    // The triage's own answer, not the grid, says it was stored: an emptied grid alone would not.
    const triaged = rita.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/triage'));
    await dialog.getByRole('button', { name: 'Record the triage' }).click();
    expect((await triaged).status()).toBe(200);
    await expect(dialog).toHaveCount(0);
    await expect(grid.getByRole('row').filter({ hasText: text })).toHaveCount(0);

    const stateFilter = rita.getByRole('combobox', { name: 'State' });
    await stateFilter.click();
    await rita.getByRole('option', { name: 'declined', exact: true }).click();
    await expect(stateFilter).toHaveText('declined');
    const declined = grid.getByRole('row').filter({ hasText: text });
    await expect(declined).toContainText('declined');
    await expect(declined).toContainText('The cadence counts from the last report');
  });

  test('the auditor reads the inbox but is offered no triage', async ({ browser }) => {
    const ada = await pageAs(browser, 'ada.auditor');
    await ada.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feedback' }).click();
    await ada.getByRole('combobox', { name: 'State' }).click();
    await ada.getByRole('option', { name: 'All states' }).click();
    const grid = ada.getByRole('grid', { name: 'Feedback' });
    await expect(grid.getByRole('row').filter({ hasText: 'Allow status reports as spreadsheets' })).toContainText('declined');
    await expect(grid.getByRole('button', { name: /^Triage/ })).toHaveCount(0);
    await expectAccessible(ada);
  });
});
