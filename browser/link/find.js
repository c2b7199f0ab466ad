/* The citations inside running text, for the drop-in script (./index.js): the same walk as
 * build_scripts/model/citeparse.py `find`, over the same rules (the build's data "cite-rules"), with the one parser
 * (../cite/parse.js). tests/test_browser_modules.py checks both give the same spans on the same texts.
 * Pure: no DOM. */
import { parse, resolve, escapeRx } from "../cite/parse.js";

export const TRAILING = " ,;:.。，；：、";
const OPENING = "《〈";       // a title mark just before a regulation's name belongs to the citation
const REACH = 48;            // the longest citation after a regulation's name: ", article 123, paragraph 12, point (xii)"
const TRAILING_RX = /[ ,;:.。，；：、]+$/;
const TAIL = "[\\s,;:.。，；：、/]+$";   // punctuation the parser trims (rules: trim) at a candidate's end: "项</" is "项"

/** @param {string} s */
function rstrip(s) { return s.replace(TRAILING_RX, ""); }

/**
 * normalise() character by character, keeping the length (positions in it are positions in text).
 * @param {string} text
 * @param {any} rules
 */
export function searchForm(text, rules) {
  var out = "";
  for (var i = 0; i < text.length; i++) {
    var c = text[i], n = c.normalize("NFKC").toLowerCase();
    if (Object.prototype.hasOwnProperty.call(rules.replace, n)) n = rules.replace[n];
    var lower = c.toLowerCase();
    out += n.length === 1 ? n : (lower.length === 1 ? lower : c);
  }
  return out;
}

/** @param {any} rules */
function fillers(rules) {
  return rules.filler_zh.map(escapeRx).join("|") + "|(?<![a-z])(?:" + rules.filler_latin.map(escapeRx).join("|") + ")(?![a-z])";
}

/** @param {any} a  @param {any} b */
function same(a, b) {
  return a.ok === b.ok && a.reg === b.reg && a.article === b.article && a.paragraph === b.paragraph && a.item === b.item;
}

/**
 * The end of a citation without the filler words the parser skips after it.
 * @param {string} text @param {string} lower @param {number} start @param {number} nameEnd @param {number} end
 * @param {any} cite @param {any} rules
 */
function dropTrailingFiller(text, lower, start, nameEnd, end, cite, rules) {
  var trailing = new RegExp("(?:" + fillers(rules) + ")$|" + TAIL);
  for (;;) {
    var m = trailing.exec(lower.slice(start, end));
    if (!m) return end;
    var shorter = start + rstrip(text.slice(start, start + m.index)).length;
    if (shorter <= nameEnd || !same(parse(text.slice(start, shorter), rules), cite)) return end;
    end = shorter;
  }
}

/**
 * The citations in a text: [{start, end, match}] for each regulation name followed by a provision that parse reads
 * and resolve finds (match: {reg, article, paragraph, item, eid}), in order, not overlapping.
 * @param {string} text
 * @param {any} rules  the rules with the regulations' aliases
 * @param {Record<string, number[][]>} struct
 * @returns {{start: number, end: number, match: any}[]}
 */
export function findCitations(text, rules, struct) {
  var lower = searchForm(text, rules), out = [], taken = 0, seen = {};
  /** @type {number[][]} */
  var starts = [];
  rules.aliases.forEach(function (/** @type {string[]} */ pair) {
    var rx = new RegExp(pair[0], "g"), m;
    while ((m = rx.exec(lower))) {
      var key = m.index + ":" + (m.index + m[0].length);
      if (!seen[key]) { seen[key] = true; starts.push([m.index, m.index + m[0].length]); }
      if (!m[0].length) rx.lastIndex++;
    }
  });
  starts.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  starts.forEach(function (se) {
    var start = se[0], nameEnd = se[1];
    if (start < taken) return;
    for (var end = Math.min(text.length, nameEnd + REACH); end > nameEnd; end--) {
      var candidate = rstrip(text.slice(start, end));
      if (candidate.length < end - start) continue;
      var cite = parse(candidate, rules);
      if (!cite.ok || cite.article === null || cite.reg === null) continue;
      var found = resolve(cite, struct);
      if (!found.ok) break;
      end = dropTrailingFiller(text, lower, start, nameEnd, end, cite, rules);
      var opened = start > 0 && OPENING.indexOf(text[start - 1]) >= 0;
      out.push({ start: opened ? start - 1 : start, end: end, match: found.matches[0] });
      taken = end;
      break;
    }
  });
  return out;
}
