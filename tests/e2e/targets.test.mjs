// The bound a card, an agent cell and the trend chart show is the one that
// decided their status: with an agent override and a KPI listed twice (the
// last one counts, and the page keeps only it, with a notice), under the
// whole-team view and filtered on that agent, compared with the CLI.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, serveDist, openBrowser, newPage, waitReady } from "./harness.mjs";

const CLI = join(ROOT, "target/debug/telesales-kpi");
let site, browser, dir, files;
before(async () => {
  site = await serveDist();
  browser = await openBrowser();
  dir = mkdtempSync(join(tmpdir(), "telesales-kpi-targets-"));
  const demo = join(dir, "demo");
  execFileSync(CLI, ["demo", demo]);
  files = readdirSync(demo).sort().map((f) => join(demo, f));
});
after(async () => {
  await browser?.close();
  site?.stop();
});

const cli = (args) => JSON.parse(execFileSync(CLI, ["report", ...args], { encoding: "utf8" }));
const bound = (v) => (v === "" || v === null ? null : Number(v));

/** The bounds of a CLI `target` as the page writes them. */
function cliBounds(target) {
  if (target === null) return [null, null];
  switch (target.comparator) {
    case "at_least": return [target.value, null];
    case "at_most": return [null, target.value];
    default: return [target.value, target.value_max];
  }
}

async function cards(page) {
  return page.$$eval(".kpi-card[data-kpi]", (els) => Object.fromEntries(els.map((e) =>
    [e.dataset.kpi, { status: e.dataset.status, min: e.dataset.boundMin, max: e.dataset.boundMax }])));
}

test("an agent override and a duplicated target: cards, cells and chart show the bound that judged them", async () => {
  const { page, context } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  await page.setInputFiles(".drop-zone input[type=file]", files);
  await page.waitForSelector(".kpi-card[data-kpi]");
  await waitReady(page);
  // The CLI is asked for the period the page shows, whatever its default.
  const period = ["--from", await page.inputValue('input[name="from"]'), "--to", await page.inputValue('input[name="to"]')];
  const whole = cli([...files, ...period]);
  const agent = Object.keys(whole.agents).find((a) => a !== "(unassigned)");
  const targets = {
    version: 1,
    targets: [
      { kpi: "call_connection_rate", comparator: "at_least", value: 0.3 },
      { kpi: "average_talk_time", comparator: "between", value: 60, value_max: 900 },
      { kpi: "call_connection_rate", comparator: "at_least", value: 0.9 },
      { kpi: "call_connection_rate", comparator: "at_most", value: 0.1, agent },
      { kpi: "monthly_sales", comparator: "at_least", value: 1000, agent },
    ],
  };
  const file = join(dir, "targets.json");
  writeFileSync(file, JSON.stringify(targets));
  await page.setInputFiles(".targets-panel input[type=file]", [file]);
  await page.waitForSelector(".notice");
  await waitReady(page);
  // The editor keeps only the last of the two team targets.
  assert.equal(await page.inputValue('input[data-target-kpi="call_connection_rate"][data-target-bound="min"]'), "90");

  const team = cli([...files, ...period, "--targets", file]);
  let shown = await cards(page);
  for (const [kpi, expected] of Object.entries(team.kpis)) {
    assert.equal(shown[kpi].status, expected.status, `team ${kpi} status`);
    assert.deepEqual([bound(shown[kpi].min), bound(shown[kpi].max)], cliBounds(expected.target), `team ${kpi} bounds`);
  }
  assert.deepEqual(team.kpis.call_connection_rate.target, { comparator: "at_least", value: 0.9, value_max: null });
  const cell = (a, kpi) => page.locator(`td[data-agent="${a}"][data-kpi="${kpi}"]`);
  for (const [a, set] of Object.entries(team.agents)) {
    for (const kpi of ["call_connection_rate", "monthly_sales", "average_talk_time"]) {
      const el = cell(a, kpi);
      assert.equal(await el.getAttribute("data-status"), set[kpi].status, `${a} ${kpi} status`);
      const got = [bound(await el.getAttribute("data-bound-min")), bound(await el.getAttribute("data-bound-max"))];
      assert.deepEqual(got, cliBounds(set[kpi].target), `${a} ${kpi} bounds`);
    }
  }
  assert.deepEqual(team.agents[agent].call_connection_rate.target, { comparator: "at_most", value: 0.1, value_max: null, agent });

  // Filtered on the agent: its own targets judge the cards and the chart.
  await page.selectOption('select[name="agent"]', [agent]);
  await waitReady(page);
  const one = cli([...files, ...period, "--targets", file, "--agent", agent]);
  shown = await cards(page);
  for (const [kpi, expected] of Object.entries(one.kpis)) {
    assert.equal(shown[kpi].status, expected.status, `${agent} ${kpi} status`);
    assert.deepEqual([bound(shown[kpi].min), bound(shown[kpi].max)], cliBounds(expected.target), `${agent} ${kpi} bounds`);
  }
  assert.deepEqual([bound(shown.call_connection_rate.min), bound(shown.call_connection_rate.max)], [null, 0.1]);
  await page.selectOption("#chart-kpi", "call_connection_rate");
  const trend = page.locator('figure[data-chart="trend"]');
  assert.equal(await trend.getAttribute("data-bound-max"), "0.1");
  assert.equal(await trend.getAttribute("data-bound-min"), "");
  await context.close();
});
