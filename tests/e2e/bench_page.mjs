// Benchmark (not a test): time from choosing a 100,000-call file to a ready
// dashboard in the release build. Run: node tests/e2e/bench_page.mjs [ROWS]
import { execFileSync } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, serveDist, openBrowser, newPage, waitReady } from "./harness.mjs";

const rows = Number(process.argv[2] ?? 100000);
const dir = mkdtempSync(join(tmpdir(), "telesales-kpi-bench-"));
const file = join(dir, "calls.csv");
execFileSync(join(ROOT, "target/debug/telesales-kpi"), ["generate", String(rows), file]);
const site = await serveDist();
const browser = await openBrowser();
try {
  for (let run = 1; run <= 3; run++) {
    const { page, context } = await newPage(browser);
    await page.goto(site.url);
    await waitReady(page);
    const t0 = Date.now();
    await page.setInputFiles(".drop-zone input[type=file]", [file]);
    await page.waitForSelector("[data-kpi].kpi-card", { timeout: 120000 });
    await waitReady(page, 120000);
    const ms = Date.now() - t0;
    const mb = statSync(file).size / 1e6;
    console.log(`run ${run}: ${rows} calls (${mb.toFixed(1)} MB) chosen → ready dashboard in ${ms} ms`);
    await context.close();
  }
} finally {
  await browser.close();
  site.stop();
}
