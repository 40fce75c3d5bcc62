// Benchmark probe (not a test): one load of FILE... in the release build
// under a sub-path, traced (Chrome's trace events), printing where the
// threads' time went: each main-thread task over 40 ms broken down by trace
// event (script, layout, paint...), then per thread (the page, the worker,
// its helper) the span from the drop to ready, the time busy in tasks and
// the gaps over 5 ms. The figures that measure main-thread work during a
// load (busy ms, paint) vary less from run to run than the longest task.
// Run: DIST=dir [DROP_AFTER_MS=ms] node tests/e2e/trace_probe.mjs FILE...
import { serveDist, openBrowser, newPage, waitReady } from "./harness.mjs";

const files = process.argv.slice(2);
const site = await serveDist(process.env.DIST || undefined);
const browser = await openBrowser();
try {
  const { page, context } = await newPage(browser);
  await page.goto(site.url);
  await waitReady(page);
  // As in bench_probe.mjs: the file that long after the page is ready.
  await page.waitForTimeout(Number(process.env.DROP_AFTER_MS || 0));
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on("Tracing.dataCollected", (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.on("Tracing.tracingComplete", r));
  await cdp.send("Tracing.start", {
    categories: "devtools.timeline,disabled-by-default-devtools.timeline,v8",
    transferMode: "ReportEvents",
  });
  const t = Date.now();
  await page.setInputFiles(".drop-zone input[type=file]", files);
  await page.waitForSelector("[data-kpi].kpi-card", { timeout: 600000 });
  await waitReady(page, 600000);
  console.log(`ready ${Date.now() - t} ms`);
  await cdp.send("Tracing.end");
  await done;
  const names = new Map(
    events.filter((e) => e.name === "thread_name").map((e) => [`${e.pid}:${e.tid}`, e.args.name]),
  );
  const spans = events.filter((e) => e.ph === "X" && e.dur);
  const t0 = spans.reduce((m, e) => Math.min(m, e.ts), Infinity);
  const ms = (us) => (us / 1000).toFixed(0);
  const thread = (e) => names.get(`${e.pid}:${e.tid}`) || "";
  const tasks = spans.filter((e) => e.name === "RunTask");
  for (const task of tasks.filter((e) => thread(e) === "CrRendererMain" && e.dur > 40000)) {
    const by = new Map();
    for (const e of spans) {
      if (e === task || e.tid !== task.tid || e.pid !== task.pid) continue;
      if (e.ts < task.ts || e.ts + e.dur > task.ts + task.dur) continue;
      by.set(e.name, (by.get(e.name) || 0) + e.dur);
    }
    const top = [...by.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
    console.log(`main-thread task at ${ms(task.ts - t0)} ms, ${ms(task.dur)} ms: ${top.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(", ")}`);
  }
  const byThread = new Map();
  for (const e of tasks) {
    if (!/CrRendererMain|DedicatedWorker/.test(thread(e))) continue;
    const k = `${e.pid}:${e.tid}`;
    if (!byThread.has(k)) byThread.set(k, []);
    byThread.get(k).push(e);
  }
  for (const [k, list] of byThread) {
    list.sort((a, b) => a.ts - b.ts);
    let busy = 0, end = 0, gaps = 0, n = 0;
    for (const e of list) {
      if (e.ts < end) { end = Math.max(end, e.ts + e.dur); continue; }
      if (end && e.ts - end > 5000) { gaps += e.ts - end; n++; }
      busy += e.dur;
      end = e.ts + e.dur;
    }
    const paint = spans.filter((e) => `${e.pid}:${e.tid}` === k && e.name === "Paint").reduce((s, e) => s + e.dur, 0);
    const last = list[list.length - 1];
    console.log(`${names.get(k)} ${k}: ${ms(list[0].ts - t0)}..${ms(last.ts + last.dur - t0)} ms, busy ${ms(busy)} ms (paint ${ms(paint)}), ${n} gaps over 5 ms, ${ms(gaps)} ms in all`);
  }
} finally {
  await browser.close();
  site.stop();
}
