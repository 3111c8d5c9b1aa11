import { expect, test, type Browser, type TestInfo } from '@playwright/test';
import { formFields, postForm } from '../authz/support';
import { query, signIn } from '../support/session';

// Issue 21's "done when": another community's secretary and an unrelated resident cannot open a mediation case by its URL,
// nor act on it with a forged server action (the withdraw form of a case they may see, its caseId swapped).
async function pageAs(browser: Browser, info: TestInfo, phone: string) {
  const page = await (await browser.newContext({ ...info.project.use, locale: 'zh-CN' })).newPage();
  await signIn(page, phone);
  return page;
}

test('a case is not found by URL, and not withdrawn by a forged action, for anyone outside it', async ({ browser, baseURL }, info) => {
  test.skip(info.project.name !== 'phone', 'one run is enough: the check does not depend on the screen');
  test.setTimeout(60_000);
  // 刘建华, Jinyang's secretary, receives a walk-in case through the form (nothing preselected).
  const secretary = await pageAs(browser, info, '13900001001');
  await secretary.goto('/mediation/new');
  const [jinyang] = await query<{ id: number; name: string }>(`SELECT id, name FROM "Community" WHERE code = '510107009003'`);
  await secretary.getByLabel('受理社区').selectOption(String(jinyang!.id));
  await secretary.getByLabel('来源').selectOption('WALK_IN');
  await secretary.getByLabel('纠纷类型').selectOption('PETS');
  await secretary.getByLabel('紧急程度').selectOption('NORMAL');
  await secretary.getByLabel('纠纷简要情况').fill('楼道养犬扰民，双方多次争执（e2e 保密测试）');
  await secretary.getByRole('button', { name: '受理' }).click();
  await secretary.getByRole('link', { name: '查看案件' }).click();
  await expect(secretary).toHaveURL(/\/mediation\/\d+$/);
  const caseId = Number(secretary.url().split('/').pop());
  await expect(secretary.getByRole('heading', { level: 1 })).toContainText('调字第');
  await expect(secretary.getByText('楼道养犬扰民')).toBeVisible();

  // 周志强, Tanghu's secretary, has a case of his own community (its withdraw form is the one forged).
  const [tanghu] = await query<{ id: number }>(`SELECT id FROM "Community" WHERE code = '510116001001'`);
  const [own] = await query<{ id: number }>(
    `INSERT INTO "MediationCase" (year, seq, "communityId", kind, source, summary, "receivedOn", "createdById", "updatedAt")
     SELECT 2026, 9001, $1, 'NOISE', 'WALK_IN', '棠湖的案件', CURRENT_DATE, u.id, now() FROM "User" u WHERE u.phone = '13900002002' RETURNING id`,
    [tanghu!.id],
  );
  const other = await pageAs(browser, info, '13900002002');
  expect((await other.goto(`/mediation/${caseId}`))?.status()).toBe(404);
  await other.goto('/mediation');
  await expect(other.getByTestId('mediation-cases')).not.toContainText('晋阳');
  await other.goto(`/mediation/${own!.id}`);
  const withdraw = other.locator('form').filter({ hasText: '申请人已撤回调解申请' });
  const forged = { ...(await formFields(withdraw)), caseId: String(caseId), confirm: 'on' };
  await postForm(other.request, baseURL!, `/mediation/${own!.id}`, forged);

  // 张桂兰, a verified owner of Jinyang unrelated to the case: not found, and the same forged action refused.
  const resident = await pageAs(browser, info, '13900001002');
  expect((await resident.goto(`/mediation/${caseId}`))?.status()).toBe(404);
  await postForm(resident.request, baseURL!, `/mediation/${own!.id}`, forged);

  const [after] = await query<{ status: string; withdrawals: number; reads: number }>(
    `SELECT c.status, (SELECT count(*)::int FROM "AuditLog" a WHERE a.action = 'mediation.withdraw' AND a."entityId" = $2) AS withdrawals,
            (SELECT count(*)::int FROM "AuditLog" a JOIN "User" u ON u.id = a."actorId" WHERE a.action = 'mediation.read' AND a."entityId" = $2 AND u.phone <> '13900001001') AS reads
       FROM "MediationCase" c WHERE c.id = $1`,
    [caseId, String(caseId)],
  );
  expect(after).toEqual({ status: 'OPEN', withdrawals: 0, reads: 0 });
  // The forged form itself works for its own case: the action was a real one.
  await postForm(other.request, baseURL!, `/mediation/${own!.id}`, { ...forged, caseId: String(own!.id) });
  expect((await query<{ status: string }>(`SELECT status FROM "MediationCase" WHERE id = $1`, [own!.id]))[0]!.status).toBe('WITHDRAWN');
});
