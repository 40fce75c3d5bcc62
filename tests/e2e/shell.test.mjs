// The page shell, in real Chromium, on the release build under a sub-path.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, openBrowser, newPage, waitReady, screenshot } from "./harness.mjs";

let site, browser;
before(async () => {
  site = await serveDist();
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
  site?.stop();
});

test("the shell renders under a sub-path with a file input in the drop zone", async () => {
  const { page, errors, context } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  assert.equal(await page.locator("h1").innerText(), "Telesales KPI");
  assert.equal(await page.locator(".drop-zone input[type=file][multiple]").count(), 1);
  assert.equal(await page.locator("main[data-ready]").count(), 1);
  assert.deepEqual(errors, []);
  await screenshot(page, "shell");
  await context.close();
});

test("the language switch changes the texts and is remembered", async () => {
  const { page, context } = await newPage(browser, { locale: "en-US" });
  await page.goto(site.url);
  await waitReady(page);
  assert.equal(await page.locator("html").getAttribute("lang"), "en");
  assert.match(await page.locator(".drop-title").innerText(), /^Drop call logs/);
  await page.locator('.lang-button[data-lang="id"]').click();
  assert.match(await page.locator(".drop-title").innerText(), /^Letakkan log panggilan/);
  assert.equal(await page.locator("html").getAttribute("lang"), "id");
  assert.equal(await page.locator('.lang-button[data-lang="id"]').getAttribute("aria-pressed"), "true");
  await page.reload();
  await waitReady(page);
  assert.match(await page.locator(".drop-title").innerText(), /^Letakkan/);
  await context.close();
});

test("an Indonesian browser gets the Indonesian page by default", async () => {
  const { page, context } = await newPage(browser, { locale: "id-ID" });
  await page.goto(site.url);
  await waitReady(page);
  assert.equal(await page.locator("html").getAttribute("lang"), "id");
  await context.close();
});

test("the page makes no request outside 127.0.0.1 and sets a strict CSP", async () => {
  const { page, requests, context } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  await page.waitForTimeout(300);
  assert.ok(requests.length >= 3, `requests: ${requests}`);
  const outside = requests.filter((u) => !u.startsWith(site.origin + "/") && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(outside, []);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /connect-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  await context.close();
});
