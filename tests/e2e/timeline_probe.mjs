// Where a load's time goes (not a test): timestamps, from the files being
// set, of the first and last progress shown, the first card, each dashboard
// part and data-ready. Run: [COLD=1] node tests/e2e/timeline_probe.mjs DIST FILE...
import { serveDist, openBrowser, newPage, waitReady } from "./harness.mjs";

const [dist, ...files] = process.argv.slice(2);
const site = await serveDist(dist);
const browser = await openBrowser();
try {
  const { page, context } = await newPage(browser);
  await page.goto(site.url);
  // As ../shared/perf does: the file goes in at the page's load event
  // (COLD=1), or once the page is ready and its worker started.
  if (process.env.COLD) await page.waitForLoadState("load");
  else { await waitReady(page); await page.waitForTimeout(1500); }
  await page.evaluate(() => {
    window.__marks = [];
    const t0 = () => window.__t0 ?? 0;
    const seen = new Set();
    new MutationObserver(() => {
      const now = performance.now() - t0();
      const p = document.querySelector(".progress progress");
      if (p) window.__marks.push(["progress " + p.value, Math.round(now)]);
      for (const sel of [".kpi-card", ".ranking-panel", ".charts-panel", ".agent-table tbody tr", ".chart svg", 'main[data-ready="true"]']) {
        if (!seen.has(sel) && document.querySelector(sel)) { seen.add(sel); window.__marks.push([sel, Math.round(now)]); }
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.evaluate(() => { window.__t0 = performance.now(); });
  await page.setInputFiles(".drop-zone input[type=file]", files);
  await page.waitForSelector("[data-kpi].kpi-card", { timeout: 600000 });
  await waitReady(page, 600000);
  const marks = await page.evaluate(() => window.__marks);
  const dedup = marks.filter((m, i) => i === 0 || m[0] !== marks[i - 1][0]);
  console.log(dedup.map(([k, t]) => `${t}\t${k}`).join("\n"));
  await context.close();
} finally {
  await browser.close();
  site.stop();
}
