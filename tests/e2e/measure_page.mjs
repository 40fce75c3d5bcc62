// Measurement (not a test): what the first screen shows after "Load demo
// data" at 1366×768, the page width at 390 px, axe-core's serious/critical
// findings before and after data, and whether a reload works offline.
// Run: node tests/e2e/measure_page.mjs [DIST_DIR]
import { resolve } from "node:path";
import { serveDist, openBrowser, newPage, waitReady, axeSerious, ROOT } from "./harness.mjs";

const dist = resolve(process.argv[2] ?? `${ROOT}/dist`);
const site = await serveDist(dist);
const browser = await openBrowser();
const out = {};
try {
  const { page, context } = await newPage(browser, { viewport: { width: 1366, height: 768 } });
  await page.goto(site.url);
  await waitReady(page);
  out.axeBefore = await axeSerious(page);
  await page.click("#load-demo");
  await page.waitForSelector("[data-kpi].kpi-card");
  await waitReady(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  out.firstScreen = await page.evaluate(() => {
    const seen = (el) => {
      const r = el.getBoundingClientRect();
      return r.height > 0 && r.bottom <= innerHeight && r.top >= 0;
    };
    const cards = [...document.querySelectorAll(".kpi-card")];
    const headings = [...document.querySelectorAll("h1, h2, .drop-title, .files-summary")]
      .filter((e) => e.getBoundingClientRect().top < innerHeight && e.getBoundingClientRect().height > 0)
      .map((e) => e.textContent.trim().slice(0, 60));
    const from = document.querySelector('input[name="from"]');
    return {
      cardsFullyVisible: cards.filter(seen).length,
      cards: cards.length,
      periodBarVisible: !!from && seen(from),
      firstCardTop: cards[0] ? Math.round(cards[0].getBoundingClientRect().top) : null,
      visibleHeadings: headings,
      previousShown: cards.filter((c) => (c.dataset.previous ?? "") !== "").length,
    };
  });
  out.axeAfter = await axeSerious(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  out.width390 = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  await context.close();
  // Offline: one visit, then the network goes.
  const off = await newPage(browser);
  await off.page.goto(site.url);
  await waitReady(off.page);
  await off.page.waitForTimeout(1500);
  await off.context.setOffline(true);
  try {
    await off.page.reload({ timeout: 10000 });
    await waitReady(off.page, 10000);
    await off.page.click("#load-demo");
    await waitReady(off.page);
    out.offline = `reload works; ${await off.page.locator("[data-kpi].kpi-card").count()} cards after the demo`;
  } catch (e) {
    out.offline = `fails: ${String(e).split("\n")[0]}`;
  }
  await off.context.close();
} finally {
  await browser.close();
  site.stop();
}
console.log(JSON.stringify(out, null, 1));
