// node --import ./browser/test/register.mjs: modules' `import x from "lex:<name>"` read the build's data that
// tests/test_browser_modules.py wrote (LEX_TEST_DATA, key script_data), as esbuild's bundles do (build.mjs).
import { register } from "node:module";

register("./lex-hooks.mjs", import.meta.url);
