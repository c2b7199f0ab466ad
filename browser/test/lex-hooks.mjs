// Module hooks for the tests (./register.mjs): "lex:<name>" -> a module whose default export is that data.
import { readFileSync } from "node:fs";

let data = null;

export async function resolve(specifier, context, next) {
  if (!specifier.startsWith("lex:")) return next(specifier, context);
  if (!data) {
    if (!process.env.LEX_TEST_DATA) throw new Error("no LEX_TEST_DATA: run through pytest tests/test_browser_modules.py");
    data = JSON.parse(readFileSync(process.env.LEX_TEST_DATA, "utf8")).script_data;
  }
  const name = specifier.slice(4);
  if (!(name in data)) throw new Error(`no build data "${name}"`);
  return { url: "data:text/javascript," + encodeURIComponent("export default " + JSON.stringify(data[name]) + ";"),
           shortCircuit: true };
}
