// The dashboard a manager recognises at first glance, in real Chromium on the
// release build under a sub-path: the first screen holds the period bar and
// the 15 cards (each with its previous value), the files fold into one line,
// nothing scrolls sideways at 390 px, axe-core finds nothing serious, the
// charts' text is readable at the size shown, the print layout, and the
// screenshots of the README (English and Indonesian).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { ROOT, OUTPUT, serveDist, openBrowser, newPage, waitReady, axeSerious } from "./harness.mjs";

let site, browser;
before(async () => {
  site = await serveDist();
  browser = await openBrowser();
});
after(async () => {
  await browser?.close();
  site?.stop();
});

async function loadDemo(page) {
  await page.click("#load-demo");
  await page.waitForSelector("[data-kpi].kpi-card");
  await waitReady(page);
}

test("after the demo loads, the period bar and the 15 cards fill the first screen (1366×768)", async () => {
  const { page, errors, context } = await newPage(browser, { viewport: { width: 1366, height: 768 } });
  await page.goto(site.url);
  await waitReady(page);
  await loadDemo(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  const seen = await page.evaluate(() => {
    const inView = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
    };
    return {
      cards: [...document.querySelectorAll("[data-kpi].kpi-card")].map((c) => ({
        id: c.dataset.kpi,
        inView: inView(c),
        previous: c.dataset.previous,
      })),
      from: inView(document.querySelector('input[name="from"]')),
      to: inView(document.querySelector('input[name="to"]')),
      presets: [...document.querySelectorAll("[data-preset]")].every(inView),
    };
  });
  assert.equal(seen.cards.length, 15);
  for (const c of seen.cards) {
    assert.ok(c.inView, `${c.id} is on the first screen`);
    assert.notEqual(c.previous, "", `${c.id} has a previous value`);
    assert.ok(Number.isFinite(Number(c.previous)), `${c.id} previous is a plain decimal: ${c.previous}`);
  }
  assert.ok(seen.from && seen.to && seen.presets, "the period bar is on the first screen");
  // The period is the month of the latest record, compared with the month before.
  const from = await page.inputValue('input[name="from"]');
  const to = await page.inputValue('input[name="to"]');
  assert.match(from, /^\d{4}-\d{2}-01$/);
  assert.equal(new Date(to + "T00:00:00Z").getUTCMonth(), new Date(from + "T00:00:00Z").getUTCMonth());
  assert.equal(new Date(new Date(to + "T00:00:00Z").getTime() + 86400000).getUTCDate(), 1, "to is a month's last day");
  assert.equal(await page.getAttribute('[data-preset="LatestMonth"]', "aria-pressed"), "true");
  // The files fold into one line that opens on click.
  const summary = page.locator("[data-files-summary]");
  assert.match(await summary.innerText(), /^5 files · [\d,]+ rows · 0 skipped rows$/);
  assert.equal(await page.locator(".file-item").first().isVisible(), false);
  await summary.click();
  assert.equal(await page.locator(".file-item").first().isVisible(), true);
  assert.equal(await page.locator(".file-item").count(), 5);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the first screen in English and Indonesian, for the README", async () => {
  mkdirSync(join(ROOT, "docs"), { recursive: true });
  mkdirSync(OUTPUT, { recursive: true });
  for (const [locale, name, summary] of [
    ["en-US", "screenshot-en", /^5 files · [\d,]+ rows/],
    ["id-ID", "screenshot-id", /^5 berkas · [\d.]+ baris · 0 baris dilewati$/],
  ]) {
    const { page, context } = await newPage(browser, { locale, viewport: { width: 1366, height: 768 } });
    await page.goto(site.url);
    await waitReady(page);
    await loadDemo(page);
    assert.match(await page.locator("[data-files-summary]").innerText(), summary);
    await page.mouse.move(0, 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    const path = join(OUTPUT, `${name}.png`);
    await page.screenshot({ path });
    copyFileSync(path, join(ROOT, "docs", `${name}.png`));
    await context.close();
  }
});

test("nothing scrolls sideways at 390 px, and the agent table scrolls inside its panel", async () => {
  const { page, context } = await newPage(browser, { viewport: { width: 390, height: 844 } });
  await page.goto(site.url);
  await waitReady(page);
  const width = () => page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  let [scroll, client] = await width();
  assert.ok(scroll <= client, `before data: ${scroll} > ${client}`);
  await loadDemo(page);
  await page.click("[data-files-summary]");
  await page.locator(".file-item details.mapping summary").first().click();
  [scroll, client] = await width();
  assert.ok(scroll <= client, `with data and the file list open: ${scroll} > ${client}`);
  // Every element stays within the screen, except inside a scrolling panel.
  const outside = await page.evaluate(() => {
    const w = document.documentElement.clientWidth;
    return [...document.querySelectorAll("main *, header *")]
      .filter((e) => !e.closest(".table-scroll") && e.getBoundingClientRect().right > w + 1)
      .map((e) => `${e.tagName}.${e.className}`)
      .slice(0, 5);
  });
  assert.deepEqual(outside, []);
  const table = await page.evaluate(() => {
    const box = document.querySelector(".agent-scroll");
    const head = document.querySelector(".agent-table thead th");
    const first = document.querySelector(".agent-table tbody th.agent-cell");
    return {
      scrolls: box.scrollWidth > box.clientWidth,
      headSticky: getComputedStyle(head).position,
      firstSticky: getComputedStyle(first).position,
    };
  });
  assert.deepEqual(table, { scrolls: true, headSticky: "sticky", firstSticky: "sticky" });
  await context.close();
});

test("axe-core finds no serious or critical problem, before and after the data", async () => {
  for (const viewport of [{ width: 1366, height: 768 }, { width: 390, height: 844 }]) {
    const { page, context } = await newPage(browser, { viewport });
    await page.goto(site.url);
    await waitReady(page);
    assert.deepEqual(await axeSerious(page), [], `before data at ${viewport.width} px`);
    await loadDemo(page);
    await page.click("[data-files-summary]");
    assert.deepEqual(await axeSerious(page), [], `after data at ${viewport.width} px`);
    await context.close();
  }
});

test("charts are drawn at the width shown: text at least 12 px, dates and currency in the reader's language", async () => {
  for (const [locale, width, money] of [["en-US", 1366, /IDR [\d.]+M/], ["id-ID", 390, /Rp[\d,]+ jt/]]) {
    const { page, context } = await newPage(browser, { locale, viewport: { width, height: 900 } });
    await page.goto(site.url);
    await waitReady(page);
    await loadDemo(page);
    await page.waitForFunction(() => document.querySelectorAll(".chart-svg svg").length === 6);
    const charts = await page.$$eval(".chart-svg svg", (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const scale = box.width / svg.viewBox.baseVal.width;
        const texts = [...svg.querySelectorAll("text")].filter((t) => t.textContent.trim() !== "");
        const sizes = texts.map((t) => parseFloat(t.getAttribute("font-size")) * scale);
        const cut = texts
          .filter((t) => {
            const r = t.getBoundingClientRect();
            return r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1;
          })
          .map((t) => t.textContent);
        return { scale, min: Math.min(...sizes), text: svg.textContent, cut };
      }));
    for (const c of charts) {
      assert.ok(Math.abs(c.scale - 1) < 0.05, `drawn at the shown size (scale ${c.scale})`);
      assert.ok(c.min >= 12, `smallest text ${c.min} px at ${width} px`);
      assert.deepEqual(c.cut, [], `texts cut off at ${width} px`);
    }
    assert.match(charts[3].text, money, "run-up axis in the reader's currency format");
    assert.match(charts[0].text, locale === "en-US" ? /[A-Z][a-z]{2} \d{1,2}/ : /\d{1,2} [A-Z][a-z]{2}/, "dates on the trend axis");
    // A wider window redraws the charts at the new width.
    if (width === 1366) {
      const before = await page.$eval(".chart-svg svg", (s) => s.viewBox.baseVal.width);
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.waitForFunction((w) => document.querySelector(".chart-svg svg").viewBox.baseVal.width !== w, before);
      const scale = await page.$eval(".chart-svg svg", (s) => s.getBoundingClientRect().width / s.viewBox.baseVal.width);
      assert.ok(Math.abs(scale - 1) < 0.05, `redrawn at the new width (scale ${scale})`);
    }
    await context.close();
  }
});

test("the trend marks days resting on few records instead of plotting spikes", async () => {
  const { page, context } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  await loadDemo(page);
  // Leads arrive on Sundays too, but only a handful: those days are "few".
  await page.selectOption("#chart-kpi", "average_response_time");
  await page.waitForFunction(() => document.querySelector(".chart-svg svg")?.textContent.includes("few records"));
  const rings = await page.$$eval(".chart-svg svg circle", (cs) => cs.filter((c) => c.getAttribute("fill") === "none").length);
  assert.ok(rings >= 2, `hollow points for few-record days: ${rings}`);
  // "All data" spans three months: the trend goes weekly.
  await page.click('[data-preset="AllData"]');
  await waitReady(page);
  await page.waitForFunction(() => /by week/.test(document.querySelector(".chart-svg svg")?.textContent ?? ""));
  await context.close();
});

test("Print gives a one-period report: period, cards, charts, the whole agent table, no controls", async () => {
  const { page, context } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  await loadDemo(page);
  await page.emulateMedia({ media: "print" });
  const shown = await page.evaluate(() => {
    const visible = (sel) => [...document.querySelectorAll(sel)].some((e) => getComputedStyle(e).display !== "none" && e.getBoundingClientRect().height > 0);
    return {
      period: visible(".print-period"),
      cards: document.querySelectorAll(".kpi-card").length === 15 && visible(".kpi-card"),
      charts: visible(".chart-svg svg"),
      table: visible(".agent-table"),
      tableScroll: getComputedStyle(document.querySelector(".agent-scroll")).overflowY,
      controls: ["#load-demo", ".targets-panel", ".settings-panel", ".filters", ".chart figcaption", ".lang-switch"].filter(visible),
    };
  });
  assert.deepEqual(shown, { period: true, cards: true, charts: true, table: true, tableScroll: "visible", controls: [] });
  assert.match(await page.locator(".print-period").innerText(), /^Period: \d{4}-\d{2}-01 – \d{4}-\d{2}-\d{2} · Compared with: /);
  const pdf = await page.pdf({ format: "A4", landscape: true, printBackground: true });
  assert.ok(pdf.length > 20000, `a PDF of ${pdf.length} bytes`);
  await context.close();
});
