// Share links and offline use, in real Chromium on the release build under a
// sub-path: a link carries targets and settings (never data) into a fresh
// browser and applies them only on confirmation; a tampered or hostile link
// changes nothing and says why; after one visit the page reloads, loads the
// demo and reads a dropped file with the network off; a new build replaces
// the cached one and the page says so, even when it took over before the
// page listened.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, writeFileSync, appendFileSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join, extname } from "node:path";
import { ROOT, serveDist, openBrowser, newPage, waitReady } from "./harness.mjs";

const SETTINGS_KEYS = [
  "language", "utc_offset", "short_abandon_seconds", "callback_days", "country_code",
  "extension_max_digits", "service_level_seconds", "currency", "csv_delimiter",
];

let site, browser;
before(async () => {
  site = await serveDist();
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
  site?.stop();
});

/** Waits for the "updated to a new version" banner; if it never comes, says
 *  where the service workers stood. */
async function waitUpdated(page) {
  try {
    await page.waitForSelector(".update-banner[data-updated]", { timeout: 60000 });
  } catch (e) {
    const state = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      const worker = (w) => w && { state: w.state, url: w.scriptURL };
      return {
        installing: worker(r?.installing), waiting: worker(r?.waiting), active: worker(r?.active),
        controlled: navigator.serviceWorker.controller !== null,
        caches: await caches.keys(),
        stamp: document.querySelector('meta[name="telesales-kpi-build"]')?.content,
      };
    });
    throw new Error(`${e.message}\nservice workers: ${JSON.stringify(state)}`);
  }
}

/** The cache names once one is left (the old build's goes once the new
 *  worker has activated), within 5 s. */
async function oneCacheLeft(page) {
  let names = [];
  for (let i = 0; i < 50; i++) {
    names = await page.evaluate(() => caches.keys());
    if (names.length === 1) break;
    await page.waitForTimeout(100);
  }
  assert.equal(names.length, 1);
  return names;
}

const bound = (page, kpi, which = "min") => page.locator(`input[data-target-kpi="${kpi}"][data-target-bound="${which}"]`);

function fragmentOf(url) {
  const hash = new URL(url).hash;
  assert.match(hash, /^#config=[A-Za-z0-9_-]+$/, "base64url without padding");
  return JSON.parse(Buffer.from(hash.slice("#config=".length), "base64url").toString("utf8"));
}

function linkFor(json) {
  return `${site.url}#config=${Buffer.from(JSON.stringify(json), "utf8").toString("base64url")}`;
}

test("a share link carries targets and settings into a fresh browser, applied only on confirmation", async () => {
  const a = await newPage(browser);
  await a.page.goto(site.url);
  await waitReady(a.page);
  await bound(a.page, "call_connection_rate").fill("65");
  await bound(a.page, "average_talk_time", "max").fill("7");
  await a.page.fill("#set-callback", "5");
  await a.page.locator("#set-callback").dispatchEvent("change");
  await a.page.click("#load-demo");
  await waitReady(a.page);
  await a.page.click("#copy-link");
  const url = await a.page.inputValue("input[data-share-link]");
  assert.ok(url.startsWith(site.url + "#config="), url);
  const json = fragmentOf(url);
  assert.equal(json.version, 1);
  assert.deepEqual(Object.keys(json).sort(), ["settings", "targets", "version"]);
  assert.deepEqual(Object.keys(json.settings).sort(), [...SETTINGS_KEYS].sort());
  assert.equal(json.settings.callback_days, 5);
  assert.equal(json.settings.utc_offset, "+07:00");
  assert.deepEqual(json.targets.find((t) => t.kpi === "call_connection_rate"), {
    kpi: "call_connection_rate", comparator: "at_least", value: 0.65, value_max: null,
  });
  assert.ok(!JSON.stringify(json).includes("budi.s"), "no data in the link");
  await a.context.close();

  const b = await newPage(browser);
  await b.page.goto(url);
  await waitReady(b.page);
  await b.page.waitForSelector("[data-apply-config]");
  const prompt = await b.page.locator("[data-share-prompt]").innerText();
  assert.match(prompt, /Call connection rate — whole team\s+≥ 60 %\s+≥ 65 %/);
  assert.match(prompt, /Average talk time — whole team\s+4 min – 6 min\s+4 min – 7 min/);
  assert.match(prompt, /Callback window \(days\)\s+7\s+5/);
  // Nothing changes until the button is pressed.
  assert.equal(await bound(b.page, "call_connection_rate").inputValue(), "60");
  assert.equal(await b.page.inputValue("#set-callback"), "7");
  await b.page.click("[data-apply-config]");
  assert.equal(await bound(b.page, "call_connection_rate").inputValue(), "65");
  assert.equal(await bound(b.page, "average_talk_time", "max").inputValue(), "7");
  assert.equal(await b.page.inputValue("#set-callback"), "5");
  assert.equal(await b.page.locator("[data-apply-config]").count(), 0);
  assert.equal(new URL(b.page.url()).hash, "", "the link is taken off the address bar");
  // Saved: a reload keeps them, without asking again.
  await b.page.reload();
  await waitReady(b.page);
  assert.equal(await bound(b.page, "call_connection_rate").inputValue(), "65");
  assert.equal(await b.page.inputValue("#set-callback"), "5");
  assert.equal(await b.page.locator("[data-apply-config]").count(), 0);
  await b.context.close();
});

test("declining a link keeps everything as it was", async () => {
  const { page, context } = await newPage(browser);
  await page.goto(linkFor({ version: 1, targets: [{ kpi: "callback_rate", comparator: "at_least", value: 0.5 }], settings: { language: "id" } }));
  await waitReady(page);
  await page.waitForSelector("[data-apply-config]");
  await page.click("[data-keep-config]");
  assert.equal(await bound(page, "callback_rate").inputValue(), "20");
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  await context.close();
});

test("a tampered or hostile link is refused with a reason and changes nothing", async () => {
  const good = linkFor({ version: 1, targets: [{ kpi: "call_connection_rate", comparator: "at_least", value: 0.9 }], settings: {} });
  const cases = [
    ["damaged base64", good.slice(0, -12) + "*%%*" + good.slice(-8), /damaged/],
    ["not JSON", `${site.url}#config=${Buffer.from("{\"version\":1,").toString("base64url")}`, /damaged/],
    ["unknown KPI", linkFor({ version: 1, targets: [{ kpi: "happiness", comparator: "at_least", value: 1 }] }), /targets are not valid.*happiness/],
    ["bad setting", linkFor({ version: 1, settings: { language: "<script>alert(1)</script>" } }), /settings is not valid.*language/],
    ["other version", linkFor({ version: 2, targets: [] }), /another version/],
  ];
  for (const [what, url, reason] of cases) {
    const { page, context } = await newPage(browser);
    await page.goto(url);
    await waitReady(page);
    const notice = page.locator(".notice.error");
    await notice.first().waitFor();
    assert.match(await notice.first().innerText(), /This link was not applied, nothing changed/, what);
    assert.match(await notice.first().innerText(), reason, what);
    assert.equal(await page.locator("[data-apply-config]").count(), 0, what);
    assert.equal(await bound(page, "call_connection_rate").inputValue(), "60", what);
    assert.equal(await page.locator("html").getAttribute("lang"), "en", what);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    await context.close();
  }
  // Names from a link show as text; a KPI listed twice keeps the last.
  const evil = '<img src=x onerror="window.__pwned=1">';
  const { page, context } = await newPage(browser);
  await page.goto(linkFor({ version: 1, targets: [
    { kpi: "callback_rate", comparator: "at_least", value: 0.1, agent: evil },
    { kpi: "callback_rate", comparator: "at_least", value: 0.3 },
    { kpi: "callback_rate", comparator: "at_least", value: 0.35 },
  ] }));
  await waitReady(page);
  await page.waitForSelector("[data-apply-config]");
  assert.ok((await page.locator("[data-share-prompt]").innerText()).includes(evil));
  assert.equal(await page.locator("[data-share-prompt] img").count(), 0);
  await page.click("[data-apply-config]");
  assert.equal(await bound(page, "callback_rate").inputValue(), "35");
  assert.match(await page.locator(".notices").innerText(), /listed twice .* \(1\)/);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await context.close();
});

test("after one visit the page works with the network off: reload, demo, a dropped file", async () => {
  const { page, context, errors } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
  await context.setOffline(true);
  await page.reload();
  await waitReady(page);
  assert.equal(await page.locator("h1").innerText(), "Telesales KPI");
  await page.click("#load-demo");
  await page.waitForSelector("[data-kpi].kpi-card");
  await waitReady(page);
  for (const v of await page.$$eval("[data-kpi].kpi-card", (els) => els.map((e) => e.dataset.value))) {
    assert.notEqual(v, "");
  }
  // A file chosen offline is read and counted like any other.
  await page.click(".files-summary");
  while ((await page.locator(".file-item").count()) > 0) {
    await page.locator(".file-item .file-head button.link").first().click();
  }
  const dir = mkdtempSync(join(tmpdir(), "telesales-kpi-offline-"));
  const file = join(dir, "calls.csv");
  writeFileSync(file, "agent,started_at,status,talk_seconds\nBudi,2026-11-03 09:00,connected,120\nSari,2026-11-03 10:00,no answer,0\nBudi,2026-11-04 11:00,connected,300\n");
  await page.setInputFiles(".drop-zone input[type=file]", [file]);
  await page.waitForFunction(() => document.querySelector('[data-kpi="call_connection_rate"]')?.dataset.value !== "");
  await waitReady(page);
  const value = async (kpi) => Number(await page.getAttribute(`.kpi-card[data-kpi="${kpi}"]`, "data-value"));
  assert.ok(Math.abs((await value("call_connection_rate")) - 2 / 3) < 1e-12);
  assert.equal(await value("average_talk_time"), 210);
  assert.equal(await page.inputValue('input[name="from"]'), "2026-11-01");
  assert.equal(await page.inputValue('input[name="to"]'), "2026-11-30");
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), []);
  await context.close();
});

test("a new build replaces the cached one and the page says it was updated", async () => {
  const dist = mkdtempSync(join(tmpdir(), "telesales-kpi-dist-"));
  cpSync(join(ROOT, "dist"), dist, { recursive: true });
  const own = await serveDist(dist);
  try {
    const { page, context } = await newPage(browser);
    await page.goto(own.url);
    await waitReady(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    const cachesBefore = await page.evaluate(() => caches.keys());
    assert.equal(cachesBefore.length, 1);
    assert.equal(await page.locator(".update-banner").count(), 0);
    // "Build" again: a changed file, and the service worker written anew.
    const css = readdirSync(dist).find((f) => f.startsWith("main-") && f.endsWith(".css"));
    appendFileSync(join(dist, css), "\n/* next build */\n");
    execFileSync("node", [join(ROOT, "scripts/offline.mjs"), dist]);
    await page.reload();
    await waitReady(page);
    // The new worker precaches the whole build first: on a loaded machine
    // (the suite runs beside it) that alone has taken over 15 s.
    await waitUpdated(page);
    assert.match(await page.locator(".update-banner").innerText(), /updated to a new version/);
    // The old build's cache goes once the new worker has activated.
    const cachesAfter = await oneCacheLeft(page);
    assert.notEqual(cachesAfter[0], cachesBefore[0]);
    // The new build is the one served, offline too.
    await context.setOffline(true);
    await page.reload();
    await waitReady(page);
    const served = await page.evaluate(async (name) => (await fetch(`./${name}`)).text(), css);
    assert.ok(served.includes("next build"));
    // It carries the id of the build it is from: the one now kept.
    const stamp = await page.getAttribute('meta[name="telesales-kpi-build"]', "content");
    assert.equal(`telesales-kpi-${stamp}`, cachesAfter[0]);
    await context.close();
  } finally {
    own.stop();
  }
});

/** Serves `dist` on 127.0.0.1 like a plain static host, except that while
 *  `hold.on` a page's own request for the app's wasm (not a service worker's
 *  precache, which asks with `Cache-Control: no-cache`) is answered 8 s late. */
async function serveHolding(dist, hold) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, "http://host").pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = join(dist, path);
    let body;
    try {
      body = statSync(file).isFile() ? readFileSync(file) : null;
    } catch {}
    if (!body) {
      res.writeHead(404).end();
      return;
    }
    const send = () => res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(body);
    const precache = /no-cache/.test(req.headers["cache-control"] ?? "");
    if (hold.on && /telesales-kpi-app-.*_bg\.wasm$/.test(path) && !precache) setTimeout(send, 8000);
    else send();
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, stop: () => server.close() };
}

test("a new build that takes over before the page listens is still announced", async () => {
  const dist = mkdtempSync(join(tmpdir(), "telesales-kpi-dist-"));
  cpSync(join(ROOT, "dist"), dist, { recursive: true });
  const hold = { on: false };
  const own = await serveHolding(dist, hold);
  try {
    const { page, context } = await newPage(browser);
    await page.goto(own.url);
    await waitReady(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });
    const [before] = await page.evaluate(() => caches.keys());
    // The old build's cache loses the page's wasm, so the reloaded page asks
    // the network for it, and is held there while the new worker installs;
    // it takes over as soon as that request is answered, before the page's
    // own code has started listening.
    const wasm = readdirSync(dist).find((f) => f.startsWith("telesales-kpi-app-") && f.endsWith("_bg.wasm"));
    await page.evaluate(async ([name, file]) => (await caches.open(name)).delete(`./${file}`), [before, wasm]);
    const css = readdirSync(dist).find((f) => f.startsWith("main-") && f.endsWith(".css"));
    appendFileSync(join(dist, css), "\n/* next build */\n");
    execFileSync("node", [join(ROOT, "scripts/offline.mjs"), dist]);
    hold.on = true;
    await page.reload();
    await waitReady(page, 60000);
    await waitUpdated(page);
    const after = await oneCacheLeft(page);
    assert.notEqual(after[0], before);
    await context.close();
  } finally {
    own.stop();
  }
});
