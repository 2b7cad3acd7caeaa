import type { APIRequestContext } from '@playwright/test';
import { call, expect, expectAccessible, test, tokenFor, unique } from './fixtures';
import { pageAs } from './oversight-setup';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Approved {
  programId: string;
  projectId: string;
  varianceId: string;
}

/**
 * An approved variance on a project of its own (registered here, so that moving its phase changes no other
 * test's ground): requested by the program, reviewed and approved through the strategic API.
 */
async function approvedVariance(request: APIRequestContext, justification: string): Promise<Approved> {
  const [paula, rita, sam] = [await tokenFor(request, 'paula.program'), await tokenFor(request, 'rita.reviewer'), await tokenFor(request, 'sam.strategic')];
  const programs = await call<{ id: string; code?: string }[]>(request, paula, 'GET', '/api/program/programs');
  const programId = programs.find((p) => p.code === 'fsm')?.id as string;
  const suffix = unique();
  const project = await call<{ id: string }>(request, sam, 'POST', '/api/project/projects', {
    programId,
    name: `Ledger archive ${suffix}`,
    code: `ledger-${suffix}`,
    phase: 'execution',
    percentComplete: 40,
  });
  let versionId = '';
  await expect
    .poll(
      async () => {
        const projects = await call<{ projectId: string }[]>(request, paula, 'GET', `/api/program/programs/${programId}/projects`);
        const standards = await call<{ key: string; versionId: string; inForce: boolean }[]>(
          request,
          paula,
          'GET',
          `/api/program/programs/${programId}/standards`,
        );
        versionId = standards.find((s) => s.key === 'status-reporting' && s.inForce)?.versionId ?? '';
        return projects.some((p) => p.projectId === project.id);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  const { id: varianceId } = await call<{ id: string }>(request, paula, 'POST', `/api/program/programs/${programId}/variances`, {
    versionId,
    requirementIds: ['STATUS-CADENCE'],
    deviations: [{ requirementId: 'STATUS-CADENCE', value: 21 }],
    projectIds: [project.id],
    justification,
    risk: { likelihood: 2, impact: 2 },
    compensatingControls: ['Fortnightly call with the program sponsor'],
    expiresOn: day(60),
  });
  await expect
    .poll(async () => (await request.get(`/api/strategic/variances/${varianceId}`, { headers: { authorization: `Bearer ${rita}` } })).status(), {
      timeout: 30_000,
    })
    .toBe(200);
  await call(request, rita, 'POST', `/api/strategic/variances/${varianceId}/review`);
  await call(request, sam, 'POST', `/api/strategic/variances/${varianceId}/decide`, { outcome: 'approved', reason: 'The sponsor call covers the gap' });
  // The program learns of the approval by event before it may ask for a renewal.
  await expect
    .poll(async () => (await call<{ state: string }>(request, paula, 'GET', `/api/program/programs/${programId}/variances/${varianceId}`)).state, {
      timeout: 30_000,
    })
    .toBe('approved');
  return { programId, projectId: project.id, varianceId };
}

test.describe('an approved variance', () => {
  test.describe.configure({ timeout: 240_000 });

  test('whose ground changed is confirmed on the new ground, renewed, then revoked', async ({ browser, request }) => {
    const justification = `Archive freeze ${unique()}`;
    const { programId, projectId, varianceId } = await approvedVariance(request, justification);
    const sam = await tokenFor(request, 'sam.strategic');

    // The ground moves: the project enters its closing phase, so grandfathering would now apply.
    await call(request, sam, 'PATCH', `/api/project/projects/${projectId}`, { phase: 'closing' });
    // The reviewer finds it in the queue, filtered on the server to the approvals that need review.
    const rita = await pageAs(browser, 'rita.reviewer');
    await rita.goto('/variances');
    await rita.getByRole('combobox', { name: 'State' }).click();
    await rita.getByRole('option', { name: 'approved', exact: true }).click();
    await rita.getByRole('switch', { name: 'Only needing review' }).check();
    await rita.getByRole('textbox', { name: 'Search' }).fill(justification);
    const row = rita.getByRole('grid', { name: 'Variance requests' }).getByRole('row').filter({ hasText: justification });
    await expect(async () => {
      await rita.getByRole('switch', { name: 'Only needing review' }).uncheck();
      await rita.getByRole('switch', { name: 'Only needing review' }).check();
      await expect(row).toHaveCount(1, { timeout: 3_000 });
    }).toPass({ timeout: 60_000 });
    await expect(row).toContainText('review');
    await expectAccessible(rita);
    await row.getByRole('link').click();
    const flags = rita.getByRole('group', { name: 'State and flags' });
    await expect(flags).toContainText('needs review');
    const confirm = rita.getByRole('region', { name: 'Confirm on the new ground' });
    await expect(confirm).toBeVisible();
    await expectAccessible(rita);
    await confirm.getByLabel('Reason to confirm').fill('Closing takes three more months under the same controls');
    await confirm.getByRole('button', { name: 'Confirm the approval' }).click();
    await expect(flags).not.toContainText('needs review');
    await expect(rita.getByRole('region', { name: 'Confirm on the new ground' })).toHaveCount(0);
    await expect(rita.getByRole('list', { name: 'History' })).toContainText('Confirmed on its new ground');

    // The program asks for a renewal; the reviewer takes it into review and the admin approves it.
    const paula = await tokenFor(request, 'paula.program');
    await call(request, paula, 'POST', `/api/program/programs/${programId}/variances/${varianceId}/renewals`, {
      expiresOn: day(90),
      justification: 'The archive freeze lasts one more month',
    });
    await expect(async () => {
      await rita.reload();
      await expect(rita.getByRole('button', { name: 'Start reviewing renewal 1' })).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    await rita.getByRole('button', { name: 'Start reviewing renewal 1' }).click();
    await expect(rita.getByRole('button', { name: 'Start reviewing renewal 1' })).toHaveCount(0);
    // Deciding a renewal is the admin's, not the reviewer's.
    await expect(rita.getByRole('region', { name: 'Renewal 1: decide' })).toHaveCount(0);

    const admin = await pageAs(browser, 'sam.strategic');
    await admin.goto(`/variances/${varianceId}`);
    const decide = admin.getByRole('region', { name: 'Renewal 1: decide' });
    await expect(decide).toBeVisible({ timeout: 30_000 });
    await expectAccessible(admin);
    await decide.getByRole('radio', { name: 'Approve the new end date' }).check();
    await decide.getByLabel('Reason for the renewal decision').fill('One more month under the same controls');
    await decide.getByRole('button', { name: 'Record the renewal decision' }).click();
    await expect(admin.getByRole('list', { name: 'History' })).toContainText('Renewal 1 approved');
    await expect(admin.getByRole('region', { name: 'Renewal 1: decide' })).toHaveCount(0);
    await expect(admin.getByRole('group', { name: 'State and flags' })).toContainText('approved');

    // The reviewer revokes it: it ends now.
    await rita.reload();
    const revoke = rita.getByRole('region', { name: 'Revoke' });
    await revoke.getByLabel('Reason to revoke').fill('The regulator withdrew the freeze');
    await revoke.getByRole('button', { name: 'Revoke the approval' }).click();
    await expect(flags).toContainText('revoked');
    await expect(rita.getByRole('list', { name: 'History' })).toContainText('Revoked');
    await expect(rita.getByRole('region', { name: 'Revoke' })).toHaveCount(0);
    await expect(rita.getByText(/Nothing to do on this variance/)).toBeVisible();
    await expectAccessible(rita);
  });
});
