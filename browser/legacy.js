// Scaffold: the window globals the scripts not yet converted to modules read (edition/, glossary/, reader/,
// resolver/, hant/), set from the modules. Each goes as its readers become modules.
import catalogue from "lex:messages";
import hant from "lex:hant";
import * as Units from "./shared/units.js";
import { parse, resolve } from "./cite/parse.js";
import { copyText, citeText } from "./cite/index.js";
import { el } from "./shared/dom.js";
import { biMsg } from "./shared/messages.js";

const w = /** @type {any} */ (window);
w.__lexMsg = catalogue;
w.__lexHant = hant;
w.LexUnits = { regs: Units.regs, load: Units.load, get: Units.get, link: Units.link };
w.LexCite = { parse: parse, resolve: resolve, copyText: copyText, citeText: citeText, el: el, biMsg: biMsg,
              bi: function (/** @type {string} */ zh, /** @type {string} */ en) {
                return [el("span", { lang: "zh-Hans" }, [zh]), " / ", el("span", { lang: "en" }, [en])]; } };
