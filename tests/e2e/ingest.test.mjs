// Reading exports on the page, in real Chromium, on the release build: a
// workbook gives the CLI's values, sheet by sheet; a mapping chosen for one
// file is remembered for the next file with the same header (with an undo,
// cleared in the settings); diagnostics follow the page language; a file
// read by two workers gives the CLI's values.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, serveDist, openBrowser, newPage, waitReady } from "./harness.mjs";

const CLI = join(ROOT, "target/debug/telesales-kpi");
const BOOK = join(ROOT, "tests/fixtures/ingest/book.xlsx");

let site, browser;
before(async () => {
  site = await serveDist();
  browser = await openBrowser();
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

function num(v) {
  return v === "" ? null : Number(v);
}

async function cardValues(page) {
  return page.$$eval("[data-kpi].kpi-card", (els) =>
    Object.fromEntries(els.map((e) => [e.dataset.kpi, e.dataset.value])));
}

/** Every card and agent cell shows the CLI's value. */
async function assertCliValues(page, expected) {
  const cards = await cardValues(page);
  assert.equal(Object.keys(cards).length, 15);
  for (const [id, v] of Object.entries(cards)) close(num(v), expected.kpis[id].value, `team ${id}`);
  const cells = await page.$$eval("td[data-agent]", (els) =>
    els.map((e) => ({ agent: e.dataset.agent, kpi: e.dataset.kpi, value: e.dataset.value })));
  assert.equal(cells.length, Object.keys(expected.agents).length * 15);
  for (const c of cells) close(num(c.value), expected.agents[c.agent][c.kpi].value, `${c.agent} ${c.kpi}`);
}

async function choose(page, files) {
  await page.setInputFiles(".drop-zone input[type=file]", files);
  await waitReady(page);
}

test("a workbook dropped on the page gives the CLI's values", async () => {
  const { page, context, errors } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  await choose(page, [BOOK]);
  await page.waitForSelector("[data-kpi].kpi-card");
  await waitReady(page);
  // One entry per non-empty sheet; the notes sheet is listed, failed.
  const entries = await page.$$eval(".file-item", (els) => els.map((e) => [e.dataset.file, e.classList.contains("failed")]));
  assert.deepEqual(entries, [["book.xlsx#Panggilan", false], ["book.xlsx#Penjualan", false], ["book.xlsx#Catatan", true]]);
  const from = await page.inputValue('input[name="from"]');
  const to = await page.inputValue('input[name="to"]');
  const expected = cli([BOOK, "--from", from, "--to", to]);
  await assertCliValues(page, expected);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a mapping chosen for one file applies to the next with the same header", async () => {
  const dir = mkdtempSync(join(tmpdir(), "telesales-kpi-remember-"));
  const first = join(dir, "ekspor-oktober.csv");
  const second = join(dir, "ekspor-november.csv");
  const header = "Petugas;Mulai Telepon;Lama Bicara\n";
  writeFileSync(first, header + "Budi;03/10/2026 09:00;120\nSari;03/10/2026 10:00;0\n");
  writeFileSync(second, header + "Budi;03/11/2026 09:00;300\nSari;03/11/2026 10:00;60\nBudi;04/11/2026 11:00;0\n");
  const { page, context } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  await choose(page, [first]);
  const item = page.locator(".file-item").first();
  assert.ok(await item.evaluate((e) => e.classList.contains("failed")));
  await item.locator(".kind-select").selectOption("calls");
  await item.locator('select[data-field="agent"]').selectOption("0");
  await item.locator('select[data-field="started_at"]').selectOption("1");
  await item.locator('select[data-field="talk_seconds"]').selectOption("2");
  await item.locator('[data-action="apply-mapping"]').click();
  await waitReady(page);
  assert.equal(await page.locator('[data-remembered-count="1"]').count(), 1, "remembered in the settings");
  // The second file gets the same kind and columns at once, with a notice.
  await choose(page, [second]);
  const next = page.locator('.file-item[data-file="ekspor-november.csv"]');
  assert.equal(await next.evaluate((e) => e.classList.contains("failed")), false);
  assert.equal(await next.locator('[data-remembered="true"]').count(), 1);
  const mapped = cli([second, "--map", "ekspor-november.csv:agent=Petugas", "--map", "ekspor-november.csv:started_at=#2",
    "--map", "ekspor-november.csv:talk_seconds=Lama Bicara", "--from", "2026-11-01", "--to", "2026-11-30"]);
  await page.fill('input[name="from"]', "2026-11-01");
  await page.fill('input[name="to"]', "2026-11-30");
  await page.locator('input[name="to"]').dispatchEvent("change");
  await waitReady(page);
  const cards = await cardValues(page);
  close(num(cards.average_talk_time), mapped.kpis.average_talk_time.value, "talk time of the second file");
  close(num(cards.call_connection_rate), mapped.kpis.call_connection_rate.value, "connection rate");
  // Undo: the second file is read as it would be without the memory.
  await next.locator('[data-action="undo-remembered"]').click();
  await waitReady(page);
  const undone = page.locator('.file-item[data-file="ekspor-november.csv"]');
  assert.ok(await undone.evaluate((e) => e.classList.contains("failed")));
  assert.equal(await undone.locator('[data-remembered="true"]').count(), 0);
  // Kept across a reload (local storage), and cleared in the settings.
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator('[data-remembered-count="1"]').count(), 1);
  await page.click('[data-action="forget-mappings"]');
  assert.equal(await page.locator('[data-remembered-count="0"]').count(), 1);
  await choose(page, [second]);
  assert.ok(await page.locator(".file-item").first().evaluate((e) => e.classList.contains("failed")));
  await context.close();
});

test("a file large enough for two workers gives the CLI's values", async () => {
  // Over 32 MiB: the page's worker reads the first half and its helper the
  // second; messy rows (errors and warnings) fall on both sides of the cut.
  const dir = mkdtempSync(join(tmpdir(), "telesales-kpi-split-"));
  const file = join(dir, "calls-big.csv");
  execFileSync(CLI, ["generate", "360000", file, "--messy"]);
  // Near each end, a skipped row (no agent) and an unreadable talk time.
  const row = (agent) => `x;"${agent}";07/11/2026 13:29;Keluar;Tersambung;0:25;lama;L1;"0812-1";"Promo Oktober"`;
  const [header, ...rest] = readFileSync(file, "utf8").split("\n");
  writeFileSync(file, [header, row(""), row("Budi"), ...rest].join("\n") + row("") + "\n" + row("Siti") + "\n");
  const { page, context, errors } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  await choose(page, [file]);
  await page.waitForSelector("[data-kpi].kpi-card", { timeout: 120000 });
  await waitReady(page, 120000);
  const from = await page.inputValue('input[name="from"]');
  const to = await page.inputValue('input[name="to"]');
  const expected = cli([file, "--from", from, "--to", to]);
  assert.equal(expected.files[0].errors.length, 2);
  assert.ok(statSync(file).size > 32 * 2 ** 20 && expected.files[0].rows > 300000 && /2 talk_seconds cell/.test(expected.warnings.join()));
  await assertCliValues(page, expected);
  assert.equal(await page.locator(".file-item.failed").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("skipped rows and warnings speak the page language", async () => {
  const dir = mkdtempSync(join(tmpdir(), "telesales-kpi-lang-"));
  const file = join(dir, "calls.csv");
  writeFileSync(file, "agent,started_at,status,talk_seconds\nBudi,2026-11-03 09:00,connected,abc\n,2026-11-03 09:05,busy,0\nBudi,\"2026-11-03 09:10,busy,0\nSiti,2026-11-03 09:20,busy,0\n");
  const { page, context } = await newPage(browser, { locale: "en-US" });
  await page.goto(site.url);
  await waitReady(page);
  await choose(page, [file]);
  const errors = () => page.locator(".file-errors li").allTextContents();
  const warnings = () => page.locator(".file-warnings li").allTextContents();
  assert.deepEqual(await errors(), ["line 3: agent: empty required cell", "line 4: quote opened on line 4 is never closed"]);
  assert.match((await warnings())[0], /^calls\.csv: 1 talk_seconds cell\(s\) could not be read as a duration/);
  await page.locator('.lang-button[data-lang="id"]').click();
  assert.deepEqual(await errors(), ["baris 3: agent: sel wajib kosong", "baris 4: tanda kutip yang dibuka di baris 4 tidak pernah ditutup"]);
  assert.match((await warnings())[0], /^calls\.csv: 1 sel talk_seconds tidak dapat dibaca sebagai durasi/);
  const expected = cli([file]);
  assert.equal(expected.files[0].rows, 2);
  assert.deepEqual(expected.files[0].errors.map((e) => e.line), [3, 4]);
  await context.close();
});
