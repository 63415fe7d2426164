// Builds the front-end assets into src/corparent/web/static/corparent/ (not committed):
// app.css (GOV.UK Frontend compiled with our settings), govuk-frontend.min.js, app.js, favicon.svg.
import { compile } from "sass";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "corparent", "web", "static", "corparent");
const govuk = join(here, "node_modules", "govuk-frontend", "dist", "govuk");
mkdirSync(out, { recursive: true });

const css = compile(join(here, "scss", "app.scss"), {
  loadPaths: [join(here, "node_modules")],
  style: "compressed",
  quietDeps: true,
});
if (css.css.includes("GDS Transport")) {
  throw new Error("app.css refers to GDS Transport: a council service must not use the GOV.UK typeface");
}
writeFileSync(join(out, "app.css"), css.css);
copyFileSync(join(govuk, "govuk-frontend.min.js"), join(out, "govuk-frontend.min.js"));
copyFileSync(join(here, "js", "app.mjs"), join(out, "app.js"));
copyFileSync(join(here, "favicon.svg"), join(out, "favicon.svg"));

console.log(`built ${out} (app.css ${css.css.length.toLocaleString()} bytes)`);
