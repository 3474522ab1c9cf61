import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { LibraryPage } from './pages/library-page';

test.beforeEach(async ({ context }) => {
  await context.clearCookies();
});

test('save from the dashboard: a name and a description from what changed, and copies numbered, not piled up', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.open();
  await app.typeShare('large', 50);

  await app.openSaveDialog();
  await expect(app.saveName).toHaveValue('大客户50% · 中客户36% · 小客户14%');
  await expect(app.saveDescription).toHaveValue(/以“倒金字塔银行”为基础，改动：大客户50%；中客户36%；小客户14%/);
  await app.confirmSave();
  await expect(app.savedNote).toContainText('大客户50% · 中客户36% · 小客户14%');
  // The scenario carries the same name, so the report and a share link agree with its numbers.
  await expect(app.scenarioName).toHaveText('大客户50% · 中客户36% · 小客户14%');

  // Saved twice more under the same name: （副本）, then （副本 2）.
  for (let i = 0; i < 2; i++) {
    await app.openSaveDialog();
    await app.confirmSave();
  }
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.expectCount(3);
  expect((await lib.titles()).sort()).toEqual(
    ['大客户50% · 中客户36% · 小客户14%', '大客户50% · 中客户36% · 小客户14%（副本 2）', '大客户50% · 中客户36% · 小客户14%（副本）'].sort(),
  );
});
