import { expect, test } from '@playwright/test';
import { DashboardPage } from './pages/dashboard-page';
import { LibraryPage } from './pages/library-page';

test.beforeEach(async ({ context }) => {
  await context.clearCookies();
});

test('save from the dashboard: a name and a description from what changed, and copies numbered, not piled up', async ({ page }) => {
  const app = new DashboardPage(page);
  await app.open();
  const large = page.locator('#share-number-large');
  await large.fill('50');
  await large.press('Tab');
  await expect(page.locator('#share-range-large')).toHaveValue('50');

  await page.getByTestId('dashboard-save').click();
  const dialog = page.getByTestId('save-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('save-name')).toHaveValue('大客户50% · 中客户36% · 小客户14%');
  await expect(page.getByTestId('save-description')).toHaveValue(/以“倒金字塔银行”为基础，改动：大客户50%；中客户36%；小客户14%/);
  await page.getByTestId('save-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('dashboard-saved')).toContainText('大客户50% · 中客户36% · 小客户14%');
  // The scenario carries the same name, so the report and a share link agree with its numbers.
  await expect(page.getByTestId('scenario-name')).toHaveText('大客户50% · 中客户36% · 小客户14%');

  // Saved twice more under the same name: （副本）, then （副本 2）.
  for (let i = 0; i < 2; i++) {
    await page.getByTestId('dashboard-save').click();
    await page.getByTestId('save-confirm').click();
    await expect(page.getByTestId('save-dialog')).toBeHidden();
  }
  const lib = new LibraryPage(page);
  await lib.open();
  await lib.expectCount(3);
  expect((await lib.titles()).sort()).toEqual(['大客户50% · 中客户36% · 小客户14%', '大客户50% · 中客户36% · 小客户14%（副本 2）', '大客户50% · 中客户36% · 小客户14%（副本）'].sort());
});
