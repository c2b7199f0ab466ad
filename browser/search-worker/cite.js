// Scaffold: the worker's citation parser, the resolver's own module (../cite/parse.js), bundled into the worker.
import { parse, resolve } from "../cite/parse.js";

/** @type {any} */ (self).LexCite = { parse: parse, resolve: resolve };
