// Writes the service worker (scripts/sw.js with this build's id and file
// list) into a built folder, and stamps the same id into index.html
// (<meta name="telesales-kpi-build">) so a page can tell whether the build it
// was loaded from is still the one kept. Called by the post-build hook
// (scripts/csp.mjs) with Trunk's staging folder; also runs alone:
// node scripts/offline.mjs DIR
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TEMPLATE = join(fileURLToPath(new URL(".", import.meta.url)), "sw.js");

function files(dir, root = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, root);
    return [relative(root, path).split(sep).join("/")];
  });
}

const STAMP = /\s*<meta name="telesales-kpi-build"[^>]*>/g;

/** Writes DIR/sw.js and the build id into DIR/index.html; returns { build, files }. */
export function writeServiceWorker(dir) {
  const list = files(dir).filter((f) => f !== "sw.js").sort();
  const index = join(dir, "index.html");
  // The id covers every file, index.html without its stamp (so a rerun on
  // the same files gives the same id).
  const html = readFileSync(index, "utf8").replace(STAMP, "");
  const hash = createHash("sha256");
  for (const f of list) hash.update(f).update("\0").update(f === "index.html" ? html : readFileSync(join(dir, f)));
  const build = hash.digest("hex").slice(0, 16);
  writeFileSync(index, html.replace(/<head>/, `<head>\n    <meta name="telesales-kpi-build" content="${build}">`));
  const urls = ["./", ...list.map((f) => `./${f}`)];
  const sw = readFileSync(TEMPLATE, "utf8")
    .replace("__BUILD__", build)
    .replace("__FILES__", JSON.stringify(urls));
  writeFileSync(join(dir, "sw.js"), sw);
  return { build, files: urls };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error("offline.mjs: give the built folder (or run it as a Trunk hook)");
    process.exit(1);
  }
  const { build, files: urls } = writeServiceWorker(dir);
  console.log(`offline.mjs: sw.js for build ${build}, ${urls.length} files`);
}
