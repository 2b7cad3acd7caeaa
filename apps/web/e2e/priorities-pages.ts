import { expect, type Locator, type Page } from '@playwright/test';

// The priorities screen as a person uses it: pick a ranking, change a rank or ask for the change, decide what was asked.
export class PrioritiesScreen {
  constructor(readonly page: Page) {}

  async open(ranking: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Priorities' }).click();
    await this.page.getByRole('combobox', { name: 'Ranking' }).click();
    await this.page.getByRole('option', { name: ranking }).click();
  }

  ranking(): Locator {
    return this.page.getByRole('table', { name: /ranking$/ });
  }

  /** The project name at each rank, first first. */
  async order(): Promise<string[]> {
    return this.ranking().getByRole('rowheader').allInnerTexts();
  }

  async openChange(name: string): Promise<Locator> {
    await this.ranking()
      .getByRole('row')
      .filter({ hasText: name })
      .getByRole('button', { name: /^Change the rank of/ })
      .click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }

  async fill(dialog: Locator, rank: number, reason: string): Promise<void> {
    await dialog.getByLabel('New rank').fill(String(rank));
    await dialog.getByLabel('Reason').fill(reason);
  }

  requests(): Locator {
    return this.page.getByRole('table', { name: 'Priority changes asked for' });
  }
}
