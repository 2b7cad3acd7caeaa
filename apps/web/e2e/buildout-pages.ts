import { expect, type Locator, type Page } from '@playwright/test';

// One page object per screen of the PMO build-out: what a person sees and does there, by roles and labels.

export class FoundationScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'PMO build-out' }).click();
    await expect(this.page.getByRole('tab', { name: 'Foundation and maturity', selected: true })).toBeVisible();
  }

  foundation(): Locator {
    return this.page.getByRole('region', { name: /^Foundation: a / });
  }

  chart(): Locator {
    return this.page.getByRole('img', { name: 'Current maturity level of each element at each assessment' });
  }

  /** The levels of one element at each assessment, as the table beside the chart says them. */
  trendOf(element: string): Locator {
    return this.page
      .getByRole('table', { name: 'Maturity per element and assessment' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: element }) });
  }

  async recordAssessment(element: string, current: string, future: string, states: [string, string]): Promise<void> {
    await this.page.getByRole('button', { name: 'Record an assessment' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Record an assessment' });
    await dialog.getByRole('checkbox', { name: `Assess ${element.toLowerCase()}` }).check();
    await dialog.getByLabel(`${element}: current state`).fill(states[0]);
    await dialog.getByRole('combobox', { name: `${element}: current level` }).click();
    await this.page.getByRole('option', { name: current }).click();
    await dialog.getByLabel(`${element}: future state`).fill(states[1]);
    await dialog.getByRole('combobox', { name: `${element}: future level` }).click();
    await this.page.getByRole('option', { name: future }).click();
    await dialog.getByRole('button', { name: 'Record the assessment' }).click();
    await expect(dialog).toBeHidden();
  }
}

export class GapsScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Gap analysis and services' }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: 'Gap analysis' })).toBeVisible();
  }

  gap(element: string): Locator {
    return this.page
      .getByRole('table', { name: 'Gap analysis' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: element }) });
  }

  catalogue(): Locator {
    return this.page.getByRole('table', { name: 'Products and services of the PMO' });
  }

  async addService(name: string, description: string, closes: string, effortWeeks: number): Promise<void> {
    await this.page.getByRole('button', { name: 'Add a product or service' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Add a product or service' });
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Description').fill(description);
    await dialog.getByRole('checkbox', { name: new RegExp(`^${closes} \\(gap`) }).check();
    await dialog.getByLabel('Effort (person-weeks)').fill(String(effortWeeks));
    await dialog.getByRole('button', { name: 'Add to the catalogue' }).click();
    await expect(dialog).toBeHidden();
  }
}

export class RoadmapScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Deployment roadmap' }).click();
    await expect(this.page.getByRole('tab', { name: 'Deployment roadmap', selected: true })).toBeVisible();
  }

  waves(): Locator {
    return this.page.getByRole('region', { name: /^Wave / });
  }

  progressOf(wave: string): Locator {
    return this.page.getByRole('progressbar', { name: `${wave} progress` });
  }

  async setState(item: string, state: string): Promise<void> {
    await this.page.getByRole('combobox', { name: `State of ${item}` }).click();
    await this.page.getByRole('option', { name: state, exact: true }).click();
  }

  async planWave(name: string, owner: string, items: string[]): Promise<void> {
    await this.page.getByRole('button', { name: 'Plan a wave' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Plan a wave' });
    await dialog.getByLabel('Wave name').fill(name);
    await dialog.getByLabel('Owner').fill(owner);
    for (const item of items) await expect(dialog.getByRole('checkbox', { name: new RegExp(`^${item} \\(`) })).toBeChecked();
    await dialog.getByRole('button', { name: 'Plan the wave' }).click();
    await expect(dialog).toBeHidden();
  }
}
