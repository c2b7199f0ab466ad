// The build's data for the tests that check a module against the Python side (the citation rules and their case
// table, the URL shapes and the provisions' URLs): written by tests/test_browser_modules.py, which runs these
// tests, and named by LEX_TEST_DATA. Without it a test that needs it fails and says how to run it.
import { readFileSync } from "node:fs";

let cached = null;

export function buildData() {
  if (cached) return cached;
  const path = process.env.LEX_TEST_DATA;
  if (!path) throw new Error("no LEX_TEST_DATA: run these tests through pytest tests/test_browser_modules.py");
  cached = JSON.parse(readFileSync(path, "utf8"));
  return cached;
}
