// ANALYSES.md on the page, against the CLI: drill-down lists (count, agent,
// CSV export, Esc and focus), the heat map and ranking, suggested targets
// applied only on confirmation, and every card's data-extra-*.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, serveDist, openBrowser, newPage, waitReady } from "./harness.mjs";

const CLI = join(ROOT, "target/debug/telesales-kpi");
let site, browser, files;
before(async () => {
  site = await serveDist();
  browser = await openBrowser();
  const dir = mkdtempSync(join(tmpdir(), "telesales-kpi-analyses-"));
  execFileSync(CLI, ["demo", dir]);
  files = readdirSync(dir).sort().map((f) => join(dir, f));
});
after(async () => {
  await browser?.close();
  site?.stop();
});

const cli = (args) => JSON.parse(execFileSync(CLI, ["report", ...args], { encoding: "utf8" }));

function close(a, b, what) {
  if (a === null || b === null) return assert.equal(a, b, what);
  assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: page ${a} vs cli ${b}`);
}

/** A page with the demo files loaded, and the CLI report of the period it shows. */
async function loaded() {
  const { page, context, errors } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  await page.setInputFiles(".drop-zone input[type=file]", files);
  await page.waitForSelector(".kpi-card[data-kpi]");
  await waitReady(page);
  const period = ["--from", await page.inputValue('input[name="from"]'), "--to", await page.inputValue('input[name="to"]')];
  return { page, context, errors, period, expected: cli([...files, ...period]) };
}

test("a card's drill-down lists its denominator's records, exports them, and closes with Esc", async () => {
  const { page, context, expected, errors } = await loaded();
  const card = page.locator('.kpi-card[data-kpi="call_connection_rate"]');
  await card.focus();
  await page.keyboard.press("Enter");
  const dialog = page.locator('[data-drill="call_connection_rate"]');
  await dialog.waitFor();
  assert.equal(Number(await dialog.getAttribute("data-count")), expected.kpis.call_connection_rate.denominator);
  assert.equal(await dialog.getAttribute("data-drill-agent"), null);
  assert.ok(await dialog.locator("tbody tr").count() > 0);
  // Sorting by a column keeps every record.
  await dialog.locator("thead button").nth(2).click();
  assert.equal(Number(await dialog.getAttribute("data-count")), expected.kpis.call_connection_rate.denominator);
  const [download] = await Promise.all([page.waitForEvent("download"), dialog.locator('[data-action="drill-export"]').click()]);
  const csv = readFileSync(await download.path(), "utf8").trimEnd().split("\r\n");
  assert.equal(csv.length - 1, expected.kpis.call_connection_rate.denominator, "one CSV line per record");
  assert.match(csv[0], /^started_at[;,]agent/);
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.kpi), "call_connection_rate", "focus back on the card");
  // Abandoned calls: offered calls, with "called back".
  await page.locator('.kpi-card[data-kpi="call_abandonment_rate"]').click();
  const lost = page.locator('[data-drill="call_abandonment_rate"]');
  await lost.waitFor();
  assert.equal(Number(await lost.getAttribute("data-count")), expected.kpis.call_abandonment_rate.denominator);
  assert.ok((await lost.locator("thead").innerText()).includes("Called back"));
  await page.keyboard.press("Escape");
  assert.deepEqual(errors, []);
  await context.close();
});

test("an agent cell's drill-down is that agent's", async () => {
  const { page, context, expected } = await loaded();
  const agent = Object.keys(expected.agents).find((a) => a !== "(unassigned)" && expected.agents[a].call_connection_rate.denominator > 0);
  await page.locator(`td[data-agent="${agent}"][data-kpi="call_connection_rate"]`).click();
  const dialog = page.locator('[data-drill="call_connection_rate"]');
  await dialog.waitFor();
  assert.equal(await dialog.getAttribute("data-drill-agent"), agent);
  assert.equal(Number(await dialog.getAttribute("data-count")), expected.agents[agent].call_connection_rate.denominator);
  const agents = await dialog.locator("tbody tr td:nth-child(2)").allInnerTexts();
  assert.ok(agents.length > 0 && agents.every((a) => a === agent), "every record is the agent's");
  await dialog.locator("#drill-close").click();
  await dialog.waitFor({ state: "detached" });
  await context.close();
});

test("the cards' data-extra-* equal the CLI's extras", async () => {
  const { page, context, expected } = await loaded();
  const cards = await page.$$eval(".kpi-card[data-kpi]", (els) => els.map((e) => ({ kpi: e.dataset.kpi, attrs: Object.fromEntries([...e.attributes].map((a) => [a.name, a.value])) })));
  const known = new Set(["value", "numerator", "denominator", "previous", "status", "target"]);
  let checked = 0;
  for (const { kpi, attrs } of cards) {
    for (const [key, value] of Object.entries(expected.kpis[kpi])) {
      if (known.has(key)) continue;
      const attr = `data-extra-${key}`;
      assert.ok(attr in attrs, `${kpi} has ${attr}`);
      close(attrs[attr] === "" ? null : Number(attrs[attr]), value, `${kpi}.${key}`);
      checked += 1;
    }
  }
  for (const key of ["service_level", "called_back", "forecast", "forecast_attainment", "per_week"]) {
    assert.ok(cards.some((c) => `data-extra-${key}` in c.attrs), `some card has data-extra-${key}`);
  }
  assert.equal(checked, 16, "every extra of KPIS.md and ANALYSES.md");
  await context.close();
});

test("the heat map and the ranking render; a ranking click shows the agent's row", async () => {
  const { page, context, expected } = await loaded();
  const heat = page.locator('figure[data-chart="best-time-to-call"] svg');
  await heat.waitFor();
  assert.ok((await heat.locator("rect").count()) >= 168);
  assert.ok(await page.locator('figure[data-chart="statuses"] svg').count() === 1);
  const ranked = await page.locator(".rank-row").evaluateAll((els) => els.map((e) => e.dataset.rankAgent));
  assert.deepEqual(ranked, expected.ranking.map((r) => r.agent));
  await page.locator(".rank-row .rank-agent").first().click();
  const focused = await page.evaluate(() => document.activeElement?.closest("tr")?.querySelector("td[data-agent]")?.dataset.agent);
  assert.equal(focused, expected.ranking[0].agent);
  await context.close();
});

test("suggested targets are shown beside the bounds and apply only after confirmation", async () => {
  const { page, context, expected } = await loaded();
  const input = page.locator('input[data-target-kpi="call_connection_rate"][data-target-bound="min"]');
  const before = await input.inputValue();
  await page.click('[data-action="suggest-targets"]');
  const shown = page.locator('[data-suggested-kpi="call_connection_rate"]');
  await shown.waitFor();
  close(Number(await shown.getAttribute("data-suggested")), expected.suggested_targets.call_connection_rate, "suggestion");
  assert.equal(await input.inputValue(), before, "nothing changes before confirming");
  await page.click('[data-action="suggest-targets"]');
  await shown.waitFor({ state: "detached" });
  assert.equal(await input.inputValue(), before, "cancelled: nothing changed");
  await page.click('[data-action="suggest-targets"]');
  await page.click("[data-apply-suggestions]");
  await waitReady(page);
  // The card is judged by the suggestion itself; the input shows it rounded.
  const card = page.locator('.kpi-card[data-kpi="call_connection_rate"]');
  close(Number(await card.getAttribute("data-bound-min")), expected.suggested_targets.call_connection_rate, "applied");
  assert.ok(Math.abs(Number(await input.inputValue()) / 100 - expected.suggested_targets.call_connection_rate) < 1e-6, "the input shows it");
  await context.close();
});
