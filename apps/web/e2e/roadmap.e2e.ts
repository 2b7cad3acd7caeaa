import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { expect, type Locator, type Page } from '@playwright/test';
import { expectAccessible, test, unique } from './fixtures';
import { pageAs, screenshotPath } from './oversight-setup';

/** The roadmap screen: an agenda by month, its filters and its exports. */
class RoadmapScreen {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roadmap' }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible();
  }

  entries(): Locator {
    return this.page.getByRole('list', { name: /^Roadmap of / }).getByRole('listitem');
  }

  entry(title: string): Locator {
    return this.entries().filter({ hasText: title });
  }

  async choose(filter: 'Program' | 'Kind', option: string): Promise<void> {
    await this.page.getByRole('combobox', { name: filter }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Downloads one export and answers its text. */
  async download(button: 'Download iCalendar' | 'Download CSV'): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: button }).click();
    return readFileSync(await (await download).path(), 'utf8');
  }
}

test.describe('roadmap', () => {
  test('shows the coming milestones, go-lives and waves by month, filters them, and exports a calendar that reads back', async ({ browser }) => {
    test.setTimeout(180_000);
    const sam = await pageAs(browser, 'sam.strategic');
    const roadmap = new RoadmapScreen(sam);
    await roadmap.open();

    // The demo's coming months: project plans beside the standards' rollout waves.
    await expect(roadmap.entry('General Ledger Cut-over: Ledger go-live')).toContainText('Go-live');
    await expect(roadmap.entry('General Ledger Cut-over: Ledger go-live')).toContainText('Financial System Migration');
    await expect(roadmap.entry('wave "wave 2: HR" opens')).toContainText('Wave opens');
    await expect(roadmap.entries().filter({ hasText: 'Adoption deadline' }).first()).toBeVisible();
    await expectAccessible(sam);
    await sam.screenshot({ path: screenshotPath('roadmap.png') });

    // A milestone planned by the project's manager on the project's screen (project-pmo) reaches the portfolio's roadmap.
    const pete = await pageAs(browser, 'pete.project');
    await pete.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Projects' }).click();
    await pete.getByRole('grid', { name: 'Projects' }).getByRole('link', { name: 'General Ledger Cut-over' }).click({ timeout: 60_000 });
    await pete.getByRole('tab', { name: 'Milestones' }).click();
    const name = `Data freeze ${unique()}`;
    const dueOn = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
    const form = pete.getByRole('form', { name: 'Plan a milestone' });
    await form.getByLabel('Milestone').fill(name);
    await form.getByLabel('Due on').fill(dueOn);
    await form.getByRole('button', { name: 'Add' }).click();
    const planned = pete.getByRole('list', { name: 'Milestones' });
    await expect(planned.getByRole('listitem').filter({ hasText: name })).toContainText(`${dueOn} · Milestone`);
    await expect(planned.getByRole('listitem').filter({ hasText: 'Ledger go-live' })).toContainText('Go-live');
    await expectAccessible(pete);
    // The event reaches the strategic PMO shortly after: reload until it has (the page itself loads slowly on a busy machine).
    await expect(async () => {
      await sam.reload();
      await expect(sam.getByRole('heading', { level: 1, name: 'Roadmap' })).toBeVisible({ timeout: 15_000 });
      await expect(roadmap.entry(`General Ledger Cut-over: ${name}`)).toContainText(dueOn, { timeout: 5_000 });
    }).toPass({ timeout: 90_000 });

    // Filters: go-lives only, then one program's.
    await roadmap.choose('Kind', 'Go-live');
    await expect(roadmap.entries().filter({ hasNotText: 'Go-live' })).toHaveCount(0);
    await expect(roadmap.entry('Payroll Provider Onboarding: Payroll go-live')).toBeVisible();
    await roadmap.choose('Program', 'HR Modernisation');
    await expect(roadmap.entries()).toHaveText([/Payroll Provider Onboarding: Payroll go-live/, /Time and Attendance Roll-out: Pilot site live/]);
    await expect(sam).toHaveURL(/kind=go-live/);

    // The exports carry the filters: a calendar that ical.js reads back, and CSV with its header.
    const calendar = new ICAL.Component(ICAL.parse(await roadmap.download('Download iCalendar')));
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.summary)).toEqual(['Payroll Provider Onboarding: Payroll go-live', 'Time and Attendance Roll-out: Pilot site live']);
    expect(events.every((e) => e.startDate.isDate && /^go-live\.[0-9a-f-]{36}@roadmap\.pmo$/.test(e.uid))).toBe(true);
    const csv = (await roadmap.download('Download CSV')).trimEnd().split('\r\n');
    expect(csv[0]).toBe('date,kind,title,program_codes,program_names,project_code,project_name,version_id,uid');
    expect(csv.slice(1).map((line) => line.split(',')[2])).toEqual([
      'Payroll Provider Onboarding: Payroll go-live',
      'Time and Attendance Roll-out: Pilot site live',
    ]);

    // A program manager sees his programs' entries only.
    const paula = await pageAs(browser, 'paula.program');
    const own = new RoadmapScreen(paula);
    await own.open();
    await expect(own.entry('General Ledger Cut-over: Ledger go-live')).toBeVisible();
    await expect(own.entries().filter({ hasText: 'Payroll' })).toHaveCount(0);
    await expectAccessible(paula);
  });
});
