import { expect, test, type Locator, type Page } from '@playwright/test';
import { AppShell } from './pages/app-shell';
import { DashboardPage } from './pages/dashboard-page';
import { NetworkWatch } from './pages/network-watch';
import { OverTimePage } from './pages/over-time-page';

/**
 * Phones (390×844): no screen scrolls sideways in either language, chart text stays ≥ 11 px,
 * every control's accessible name contains its visible text (label in name, WCAG 2.5.3), and on
 * the dashboard the results come right after the mix sliders with the "try this" tip first.
 */
const VIEWS = ['dashboard', 'risk', 'over-time', 'design', 'library', 'compare', 'portfolio', 'training', 'glossary'];

test.use({ viewport: { width: 390, height: 844 } });

test.beforeEach(async ({ context }) => {
  await context.clearCookies();
});

async function openIn(page: Page, lang: 'zh' | 'en', view: string): Promise<AppShell> {
  const shell = new AppShell(page);
  const network = new NetworkWatch(page, page.context());
  await page.addInitScript((l) => localStorage.setItem('tong-mix-lab.lang', l), lang);
  await shell.goto(view);
  // The views' busy text is '计算中…' / 'Computing…' (with its ellipsis: '查看计算' + '中客户' is not it).
  await expect(shell.main).not.toContainText(/计算中…|Computing…/, { timeout: 40_000 });
  // Lazy panels and charts loaded (no request in flight), drawn and done animating.
  await network.settled();
  await shell.settled();
  return shell;
}

/** Elements wider than the page (what a user would have to scroll sideways to see). */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const page = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (page > width + 1) {
      for (const el of document.querySelectorAll<HTMLElement>('body *')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > width + 1 && getComputedStyle(el).position !== 'fixed') {
          let scrolls = false;
          for (let p = el.parentElement; p; p = p.parentElement)
            if (
              /auto|scroll|hidden/.test(getComputedStyle(p).overflowX) &&
              p.clientWidth < p.scrollWidth + 1 &&
              p !== document.body &&
              p !== document.documentElement
            )
              scrolls = true;
          if (!scrolls)
            culprits.push(
              `${el.tagName.toLowerCase()}.${el.className?.toString().split(' ')[0] ?? ''}[${Math.round(r.right)}] ${(el.textContent ?? '').trim().slice(0, 30)}`,
            );
        }
      }
    }
    return { width, page, culprits: culprits.slice(0, 8) };
  });
}

async function smallChartText(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const t of document.querySelectorAll<SVGTextElement>('svg text')) {
      if (!t.getClientRects().length || !t.textContent?.trim()) continue;
      const ctm = t.getScreenCTM();
      if (!ctm) continue;
      const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b);
      if (px < 10.95)
        out.push(
          `${t.textContent.trim().slice(0, 20)}: ${px.toFixed(1)}px in ${t.closest('svg')?.getAttribute('aria-label')?.slice(0, 30) ?? t.closest('figure')?.className}`,
        );
    }
    return out.slice(0, 8);
  });
}

async function labelNotInName(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
    for (const el of document.querySelectorAll<HTMLElement>('button[aria-label], a[aria-label], [role=button][aria-label], summary[aria-label]')) {
      if (!el.getClientRects().length) continue;
      const visible = norm(el.innerText);
      // A lone symbol (×, ✕, ?) has no words to repeat.
      if (!/[\p{L}\p{N}]/u.test(visible)) continue;
      if (!norm(el.getAttribute('aria-label') ?? '').includes(visible)) out.push(`"${visible}" ∉ "${el.getAttribute('aria-label')}"`);
    }
    return out.slice(0, 8);
  });
}

for (const lang of ['zh', 'en'] as const) {
  for (const view of VIEWS) {
    test(`${view} (${lang}) fits 390 px, chart text ≥ 11 px, labels in names`, async ({ page }) => {
      await openIn(page, lang, view);
      const o = await overflow(page);
      expect(o.culprits, `page ${o.page} px wide`).toEqual([]);
      expect(o.page).toBeLessThanOrEqual(o.width + 1);
      expect(await smallChartText(page)).toEqual([]);
      expect(await labelNotInName(page)).toEqual([]);
    });
  }
}

test('dashboard on a phone: the tip first, then the mix sliders, then the results', async ({ page }) => {
  await openIn(page, 'zh', 'dashboard');
  const dash = new DashboardPage(page);
  const top = async (region: Locator) => (await region.boundingBox())!.y;
  const hint = await top(dash.tip);
  const mix = await top(dash.mixSliders);
  const results = await top(dash.results);
  const pricing = await top(dash.pricingLevers);
  expect(hint).toBeLessThan(mix);
  expect(mix).toBeLessThan(results);
  expect(results).toBeLessThan(pricing);
});

test.describe('projector', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('in projector mode the pyramid labels are ≥ 14 px and never overlap their bars', async ({ page }) => {
    const shell = await openIn(page, 'zh', 'dashboard');
    await shell.projectorButton.click();
    const rows = await new DashboardPage(page).pyramidRows.evaluateAll((lis) =>
      lis.map((li) => {
        const text = li.querySelector('.text')!;
        const bar = li.querySelector('.bar')!.getBoundingClientRect();
        const label = text.getBoundingClientRect();
        return {
          px: parseFloat(getComputedStyle(text).fontSize),
          overlaps: !(label.left >= bar.right || label.right <= bar.left || label.top >= bar.bottom || label.bottom <= bar.top),
        };
      }),
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.px).toBeGreaterThanOrEqual(14);
      expect(r.overlaps).toBe(false);
    }
  });
});

test('over time on a phone: Run waits for a bad field to be fixed, then brings the results into view', async ({ page }) => {
  await openIn(page, 'zh', 'over-time');
  const overTime = new OverTimePage(page);
  const run = overTime.runButton;
  await overTime.setPaths(1000);
  const seed = overTime.seedField;
  await seed.fill('abc');
  await seed.press('Tab');
  // The bad text stays, with its message; Run is disabled and says which field.
  await expect(seed).toHaveValue('abc');
  await expect(run).toBeDisabled();
  await expect(overTime.invalidNote).toContainText('随机种子');
  await seed.fill('7');
  await seed.press('Tab');
  await expect(run).toBeEnabled();
  await run.click();
  await expect(overTime.status).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect.poll(() => overTime.results.evaluate((el) => el.getBoundingClientRect().top)).toBeLessThan(844 * 0.6);
});

test.describe('projector charts', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  for (const view of ['risk', 'design', 'compare', 'portfolio', 'over-time']) {
    test(`${view}: chart text ≥ 14 px in projector mode`, async ({ page }) => {
      const shell = await openIn(page, 'zh', view);
      if (view === 'over-time') {
        const overTime = new OverTimePage(page);
        await overTime.setPaths(1000);
        await overTime.runButton.click();
        await expect(overTime.status).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
        await shell.settled(); // the run's charts drawn
      }
      await shell.projectorButton.click();
      await shell.settled(); // the projector's larger type laid out
      const small = await page.evaluate(() => {
        const out: string[] = [];
        for (const t of document.querySelectorAll<SVGTextElement>('svg text')) {
          if (!t.getClientRects().length || !t.textContent?.trim()) continue;
          const ctm = t.getScreenCTM();
          if (!ctm) continue;
          const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b);
          if (px < 13.95)
            out.push(`${t.textContent.trim().slice(0, 20)}: ${px.toFixed(1)}px in ${t.closest('svg')?.getAttribute('aria-label')?.slice(0, 30) ?? ''}`);
        }
        return out.slice(0, 8);
      });
      expect(small).toEqual([]);
    });
  }
});
