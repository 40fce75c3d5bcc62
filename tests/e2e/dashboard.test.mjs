// The dashboard in real Chromium, on the release build under a sub-path:
// demo data, files dropped through the input compared with the CLI, filters,
// targets that persist, mapping override, hostile names, no outside requests.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, serveDist, openBrowser, newPage, waitReady, screenshot } from "./harness.mjs";

const CLI = join(ROOT, "target/debug/telesales-kpi");
const KPIS = [
  "average_purchase_value", "revenue_per_call", "incremental_sales", "sales_opportunities",
  "call_connection_rate", "upselling_rate", "average_response_time", "opportunity_win_ratio",
  "profit_margin", "lead_conversion_rate", "call_abandonment_rate", "monthly_sales",
  "outbound_calls_per_day", "average_talk_time", "callback_rate",
];

let site, browser, demoDir, demoFiles;
before(async () => {
  site = await serveDist();
  browser = await openBrowser();
  demoDir = mkdtempSync(join(tmpdir(), "telesales-kpi-demo-"));
  // The same day as the browser's (local time), which the page's demo uses.
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  execFileSync(CLI, ["demo", demoDir, "--today", today]);
  demoFiles = readdirSync(demoDir).sort().map((f) => join(demoDir, f));
});
after(async () => {
  await browser?.close();
  site?.stop();
});

function cli(args) {
  return JSON.parse(execFileSync(CLI, ["report", ...args], { encoding: "utf8" }));
}

function close(a, b, what) {
  if (a === null || b === null) {
    assert.equal(a, b, what);
    return;
  }
  const tol = 1e-9 * Math.max(1, Math.abs(b));
  assert.ok(Math.abs(a - b) <= tol, `${what}: page ${a} vs cli ${b}`);
}

async function cardValues(page) {
  return page.$$eval("[data-kpi].kpi-card", (els) =>
    Object.fromEntries(els.map((e) => [e.dataset.kpi, { value: e.dataset.value, status: e.dataset.status }])));
}

function num(v) {
  return v === "" ? null : Number(v);
}

async function loadFiles(page, files) {
  await page.setInputFiles(".drop-zone input[type=file]", files);
  await page.waitForSelector("[data-kpi].kpi-card");
  await waitReady(page);
}

test("demo data fills all 15 cards", async () => {
  const { page, errors, requests, context } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  assert.equal(await page.locator("[data-kpi].kpi-card").count(), 0, "no data before the click");
  await page.click("#load-demo");
  await page.waitForSelector("[data-kpi].kpi-card");
  await waitReady(page);
  const cards = await cardValues(page);
  assert.deepEqual(Object.keys(cards).sort(), [...KPIS].sort());
  for (const id of KPIS) {
    assert.notEqual(cards[id].value, "", `${id} has a value`);
    assert.match(cards[id].status, /^(met|near|missed|none)$/);
  }
  assert.ok(await page.locator("td[data-agent][data-kpi]").count() >= 15 * 3);
  assert.ok(await page.locator(".chart-svg svg").count() >= 4, "four charts drawn");
  // Charts export as SVG and as PNG (rasterised by the browser).
  const [svg] = await Promise.all([page.waitForEvent("download"), page.locator(".chart figcaption button").nth(0).click()]);
  assert.equal(svg.suggestedFilename(), "trend.svg");
  const [png] = await Promise.all([page.waitForEvent("download"), page.locator(".chart figcaption button").nth(1).click()]);
  assert.equal(png.suggestedFilename(), "trend.png");
  await screenshot(page, "dashboard");
  const outside = requests.filter((u) => !u.startsWith(site.origin + "/") && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await context.close();
});

/** The calendar month holding `day` (YYYY-MM-DD): [first, last]. */
function monthOf(day) {
  const d = new Date(day + "T00:00:00Z");
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return [day.slice(0, 8) + "01", last.toISOString().slice(0, 10)];
}

test("files chosen through the input give the CLI's values, for the team and every agent", async () => {
  const { page, context } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  await loadFiles(page, demoFiles);
  // The page's default period: the month of the latest dated record, i.e.
  // of the last day of the CLI's default period.
  const all = cli(demoFiles);
  const [from, to] = monthOf(all.period.to);
  const expected = cli([...demoFiles, "--from", from, "--to", to]);
  const cards = await cardValues(page);
  for (const id of KPIS) {
    close(num(cards[id].value), expected.kpis[id].value, `team ${id}`);
    assert.equal(cards[id].status, expected.kpis[id].status, `team ${id} status`);
  }
  const cells = await page.$$eval("td[data-agent]", (els) =>
    els.map((e) => ({ agent: e.dataset.agent, kpi: e.dataset.kpi, value: e.dataset.value, status: e.dataset.status })));
  const agents = Object.keys(expected.agents);
  assert.equal(cells.length, agents.length * 15);
  for (const c of cells) {
    close(num(c.value), expected.agents[c.agent][c.kpi].value, `${c.agent} ${c.kpi}`);
    assert.equal(c.status, expected.agents[c.agent][c.kpi].status, `${c.agent} ${c.kpi} status`);
  }
  // The period inputs hold the default period; every card has the month before.
  assert.equal(await page.inputValue('input[name="from"]'), from);
  assert.equal(await page.inputValue('input[name="to"]'), to);
  const previous = await page.$$eval("[data-kpi].kpi-card", (els) => els.map((e) => [e.dataset.kpi, e.dataset.previous]));
  for (const [id, p] of previous) close(num(p), expected.kpis[id].previous, `team ${id} previous`);
  // "All data" is the CLI's default period.
  await page.click('[data-preset="AllData"]');
  await waitReady(page);
  assert.equal(await page.inputValue('input[name="from"]'), all.period.from);
  assert.equal(await page.inputValue('input[name="to"]'), all.period.to);
  const allCards = await cardValues(page);
  for (const id of KPIS) close(num(allCards[id].value), all.kpis[id].value, `all data ${id}`);
  // The same bytes again: a warning, one copy kept.
  await page.setInputFiles(".drop-zone input[type=file]", demoFiles.slice(0, 1));
  await waitReady(page);
  await page.waitForSelector(".notice");
  assert.match(await page.locator(".notice").first().innerText(), /already loaded/);
  assert.equal(await page.locator(".file-item").count(), demoFiles.length);
  await context.close();
});

test("period and agent filters change the values as the CLI says", async () => {
  const { page, context } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  await loadFiles(page, demoFiles);
  const whole = cli(demoFiles);
  const from = whole.period.from;
  // Ten days from the start.
  const d = new Date(from + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + 9);
  const to = d.toISOString().slice(0, 10);
  await page.fill('input[name="from"]', from);
  await page.fill('input[name="to"]', to);
  await page.locator('input[name="to"]').dispatchEvent("change");
  await waitReady(page);
  const agent = Object.keys(whole.agents)[0];
  await page.selectOption('select[name="agent"]', [agent]);
  await waitReady(page);
  const expected = cli([...demoFiles, "--from", from, "--to", to, "--agent", agent]);
  const cards = await cardValues(page);
  for (const id of KPIS) close(num(cards[id].value), expected.kpis[id].value, `filtered ${id}`);
  await context.close();
});

test("a target set in the editor applies at once and survives a reload", async () => {
  const { page, context } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  await page.click("#load-demo");
  await waitReady(page);
  const input = page.locator('input[data-target-kpi="call_connection_rate"][data-target-bound="min"]');
  assert.equal(await input.inputValue(), "60");
  await input.fill("99.5");
  await waitReady(page);
  const status = () => page.locator('.kpi-card[data-kpi="call_connection_rate"]').getAttribute("data-status");
  assert.equal(await status(), "missed");
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('input[data-target-kpi="call_connection_rate"][data-target-bound="min"]').inputValue(), "99.5");
  await page.click("#load-demo");
  await waitReady(page);
  assert.equal(await status(), "missed");
  // Presets come back on request.
  await page.click("#restore-presets");
  await waitReady(page);
  assert.equal(await page.locator('input[data-target-kpi="call_connection_rate"][data-target-bound="min"]').inputValue(), "60");
  // The talk-time target has both bounds, in minutes.
  assert.equal(await page.locator('input[data-target-kpi="average_talk_time"][data-target-bound="min"]').inputValue(), "4");
  assert.equal(await page.locator('input[data-target-kpi="average_talk_time"][data-target-bound="max"]').inputValue(), "6");
  await context.close();
});

test("the mapping override fixes a file with an unrecognised header", async () => {
  const dir = mkdtempSync(join(tmpdir(), "telesales-kpi-map-"));
  const file = join(dir, "ekspor.csv");
  writeFileSync(file, "Petugas;Mulai Telepon;Lama Bicara\nBudi;03/11/2026 09:00;120\nSari;03/11/2026 10:00;0\nBudi;04/11/2026 11:00;300\n");
  const { page, context } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  await page.setInputFiles(".drop-zone input[type=file]", [file]);
  await waitReady(page);
  await page.waitForSelector(".file-item.failed");
  const item = page.locator(".file-item").first();
  await item.locator(".kind-select").selectOption("calls");
  await item.locator('select[data-field="agent"]').selectOption("0");
  await item.locator('select[data-field="started_at"]').selectOption("1");
  await item.locator('select[data-field="talk_seconds"]').selectOption("2");
  await item.locator('[data-action="apply-mapping"]').click();
  await page.waitForSelector("[data-kpi].kpi-card");
  await waitReady(page);
  const cards = await cardValues(page);
  close(num(cards.call_connection_rate.value), 2 / 3, "connection rate after mapping");
  close(num(cards.average_talk_time.value), (120 + 300) / 2, "talk time after mapping");
  await context.close();
});

test("a hostile agent name shows as text and runs nothing", async () => {
  const dir = mkdtempSync(join(tmpdir(), "telesales-kpi-xss-"));
  const file = join(dir, "calls.csv");
  const evil = '<img src=x onerror="window.__pwned=1">';
  writeFileSync(file, `agent,started_at,status,talk_seconds\n"${evil.replaceAll('"', '""')}",2026-11-03 09:00,connected,200\nBudi,2026-11-03 09:05,no answer,0\n`);
  const { page, requests, context } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  await loadFiles(page, [file]);
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator(".agent-table img").count(), 0);
  assert.equal(await page.locator(".chart-svg img").count(), 0);
  const names = await page.locator(".agent-name").allInnerTexts();
  assert.ok(names.includes(evil), `agent shown as text: ${names}`);
  const outside = requests.filter((u) => !u.startsWith(site.origin + "/") && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(outside, []);
  await context.close();
});
