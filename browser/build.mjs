// Bundles the browser modules with esbuild, for build_scripts/publish/scripts.py (which runs it once per build).
//
// stdin:  {"bundles": {"<docs-relative output>": ["<module under browser/>", ...]}, "data": {"<name>": <JSON>},
//          "minify": true}
// stdout: {"<docs-relative output>": "<script>"}
//
// Each bundle is one classic script (an IIFE: it runs from file://, in a worker and in iframe-worker's shim) that
// imports its modules in the order given. A module reads the build's data (messages, URL shapes, storage keys, the
// units index: Python-generated, never copied into the sources) with `import messages from "lex:messages"`.
// A failure prints one line per error, `path:line: message`, and exits 1.
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));

function dataPlugin(data) {
  return {
    name: "lex-data",
    setup(b) {
      b.onResolve({ filter: /^lex:/ }, (args) => ({ path: args.path.slice(4), namespace: "lex-data" }));
      b.onLoad({ filter: /.*/, namespace: "lex-data" }, (args) => {
        if (!(args.path in data)) {
          return { errors: [{ text: `no build data "${args.path}"; the build sends: ${Object.keys(data).join(", ")}` }] };
        }
        return { contents: JSON.stringify(data[args.path]), loader: "json" };
      });
    },
  };
}

async function one(modules, data, minify) {
  const result = await build({
    stdin: {
      contents: modules.map((m) => `import ${JSON.stringify("./" + m)};`).join("\n"),
      resolveDir: HERE,
      sourcefile: "entry.js",
    },
    bundle: true,
    write: false,
    format: "iife",
    target: ["es2020"],
    minify,
    legalComments: "none",
    charset: "utf8",
    logLevel: "silent",
    plugins: [dataPlugin(data)],
  });
  return result.outputFiles[0].text;
}

function line(error) {
  const loc = error.location;
  const where = loc ? `browser/${relative(HERE, loc.file.replace(/^lex-data:/, ""))}:${loc.line}` : "browser/build.mjs:1";
  return `${where}: ${error.text}`;
}

try {
  const request = JSON.parse(readFileSync(0, "utf8"));
  const out = {};
  for (const [name, modules] of Object.entries(request.bundles)) {
    out[name] = await one(modules, request.data || {}, request.minify !== false);
  }
  process.stdout.write(JSON.stringify(out));
} catch (err) {
  const errors = err && err.errors && err.errors.length ? err.errors : [{ text: String(err && err.message || err) }];
  process.stderr.write(errors.map(line).join("\n") + "\n");
  process.exit(1);
}
