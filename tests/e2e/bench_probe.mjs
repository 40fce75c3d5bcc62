// Benchmark probe (not a test): one load of FILE... in the release build
// under a sub-path, reporting as one JSON line: ready time, the longest
// main-thread task during the load (PerformanceObserver "longtask"), wasm
// memory growth and bytes per row (the worker's beyond its start-up memory,
// and with it), re-filter time and drill-down open time.
// Run: node tests/e2e/bench_probe.mjs ROWS FILE...
import { statSync } from "node:fs";
import { serveDist, openBrowser, newPage, waitReady } from "./harness.mjs";

const [rowsArg, ...files] = process.argv.slice(2);
const cards_ms_round = (v) => (v === null ? null : Math.round(v));
const rows = Number(rowsArg);
// The build to probe: $DIST (scripts/bench.sh passes its own build), else dist/.
const site = await serveDist(process.env.DIST || undefined);
const browser = await openBrowser();
try {
  const { page, context } = await newPage(browser);
  await page.addInitScript(() => {
    window.__longtasks = [];
    try {
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__longtasks.push(e.duration)))
        .observe({ type: "longtask", buffered: true });
    } catch {}
  });
  await page.goto(site.url);
  await waitReady(page);
  // DROP_AFTER_MS: the file comes that long after the page is ready, as a
  // user's would (the worker starts and warms up meanwhile); 0 by default.
  await page.waitForTimeout(Number(process.env.DROP_AFTER_MS || 0));
  const before = Number(await page.getAttribute("main", "data-wasm-bytes"));
  // The worker starts with the first file: its memory before is its start-up size.
  await page.evaluate(() => { window.__longtasks = []; });
  const t0 = Date.now();
  await page.setInputFiles(".drop-zone input[type=file]", files);
  await page.waitForSelector("[data-kpi].kpi-card", { timeout: 600000 });
  await waitReady(page, 600000);
  const readyMs = Date.now() - t0;
  const after = Number(await page.getAttribute("main", "data-wasm-bytes"));
  const worker = Number(await page.getAttribute("main", "data-worker-bytes"));
  const workerStart = Number(await page.getAttribute("main", "data-worker-start-bytes"));
  const longtasks = await page.evaluate(() => window.__longtasks);
  // Re-filter: the first ten days of the period, through the date input;
  // timed until the cards show the new values, and until the page is ready.
  const [cardsMs, refilterMs] = await page.evaluate(async () => {
    const from = document.querySelector('input[name="from"]');
    const to = document.querySelector('input[name="to"]');
    const d = new Date(from.value + "T00:00:00Z");
    d.setUTCDate(d.getUTCDate() + 9);
    to.value = d.toISOString().slice(0, 10);
    const card = document.querySelector('.kpi-card[data-kpi="call_connection_rate"]');
    const before = card.getAttribute("data-value");
    let cards = null;
    const seen = new MutationObserver(() => {
      if (cards === null && card.getAttribute("data-value") !== before) cards = performance.now() - t;
    });
    seen.observe(card, { attributes: true, attributeFilter: ["data-value"] });
    const t = performance.now();
    to.dispatchEvent(new Event("input", { bubbles: true }));
    to.dispatchEvent(new Event("change", { bubbles: true }));
    // Current when the page is ready again (the worker has answered).
    await new Promise((r) => {
      const check = () => document.querySelector('main[data-ready="true"]') ? r() : setTimeout(check, 1);
      setTimeout(check, 1);
    });
    seen.disconnect();
    return [cards, performance.now() - t];
  });
  const t1 = Date.now();
  await page.locator('.kpi-card[data-kpi="call_connection_rate"]').click();
  await page.waitForSelector('[data-drill="call_connection_rate"]', { timeout: 600000 });
  const drillMs = Date.now() - t1;
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  console.log(JSON.stringify({
    rows, mb: +(bytes / 1e6).toFixed(1), ready_ms: readyMs,
    longest_task_ms: longtasks.length ? Math.round(Math.max(...longtasks)) : 0,
    long_tasks_ms: Math.round(longtasks.reduce((a, b) => a + b, 0)),
    page_wasm_growth_bytes: after - before, worker_wasm_bytes: worker, worker_start_bytes: workerStart,
    // Heap growth: the page's, and the worker's beyond its start-up memory.
    bytes_per_row: rows ? +(((after - before) + worker - workerStart) / rows).toFixed(1) : null,
    // With the worker's start-up memory.
    total_bytes_per_row: rows ? +(((after - before) + worker) / rows).toFixed(1) : null,
    refilter_cards_ms: cards_ms_round(cardsMs), refilter_ready_ms: Math.round(refilterMs), drill_open_ms: drillMs,
  }));
  await context.close();
} finally {
  await browser.close();
  site.stop();
}
