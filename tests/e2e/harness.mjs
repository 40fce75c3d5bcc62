// Shared set-up of the end-to-end tests: serve the release build (dist/) under
// a sub-path on 127.0.0.1 and drive Debian's Chromium with playwright-core.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, symlinkSync, rmSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createServer } from "node:net";
import { chromium } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "../..");
export const SUB_PATH = "/team/kpi/";
export const OUTPUT = join(ROOT, "tests/e2e/output");

function freePort() {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => ok(port));
    });
    srv.on("error", fail);
  });
}

async function waitForHttp(url, ms = 10000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not answer`);
}

/** Serves `dist` (default: the release build in dist/) under SUB_PATH;
 *  returns { origin, url, stop }. */
export async function serveDist(dist = join(ROOT, "dist")) {
  const site = mkdtempSync(join(tmpdir(), "telesales-kpi-site-"));
  mkdirSync(join(site, "team"), { recursive: true });
  symlinkSync(dist, join(site, "team", "kpi"));
  const port = await freePort();
  const server = spawn(
    "/usr/bin/python3",
    ["-m", "http.server", "--bind", "127.0.0.1", "--directory", site, String(port)],
    { stdio: "ignore" },
  );
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}${SUB_PATH}`;
  await waitForHttp(url);
  return {
    origin,
    url,
    stop() {
      server.kill();
      rmSync(site, { recursive: true, force: true });
    },
  };
}

/** Launches headless Chromium; every request the page makes is recorded. */
export async function openBrowser() {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      ...(process.env.EXTRA_CHROMIUM_ARGS ?? "").split(" ").filter(Boolean),
    ],
  });
  return browser;
}

/** A new page (fresh context) with its request log and console errors. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({
    locale: options.locale ?? "en-US",
    viewport: options.viewport ?? { width: 1366, height: 900 },
  });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return { context, page, requests, errors };
}

/** Waits until `<main data-ready="true">`. */
export async function waitReady(page, timeout = 30000) {
  await page.waitForSelector('main[data-ready="true"]', { timeout });
}

/** Saves a screenshot into tests/e2e/output/. */
export async function screenshot(page, name) {
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });
}

const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

/** Runs axe-core (from node_modules) in the page and returns its serious and
 *  critical violations as [{ id, impact, nodes: [selector...] }]. The source
 *  is evaluated through the DevTools protocol, which the page's CSP does not
 *  govern, so the CSP stays as strict as it ships. */
export async function axeSerious(page) {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const result = await globalThis.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5),
    }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
