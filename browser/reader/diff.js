/* The diff of two provisions, pure (test/reader.test.js runs it on the pairs Python's enrich/alignment diffs).
 * tokenDiff is a port of Python's difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes(), the
 * algorithm of enrich/alignment.char_diff (over characters) and word_diff (over the words of `segment`, with the
 * vocabulary of the diff page's index). */
function longestMatch(a, b2j, alo, ahi, blo, bhi) {
  var besti = alo, bestj = blo, bestsize = 0, j2len = {};
  for (var i = alo; i < ahi; i++) {
    var newj2len = {}, js = b2j[a[i]] || [];
    for (var n = 0; n < js.length; n++) {
      var j = js[n];
      if (j < blo) continue;
      if (j >= bhi) break;
      var k = newj2len[j] = (j2len[j - 1] || 0) + 1;
      if (k > bestsize) { besti = i - k + 1; bestj = j - k + 1; bestsize = k; }
    }
    j2len = newj2len;
  }
  return [besti, bestj, bestsize];
}
function matchingBlocks(a, b) {
  var b2j = Object.create(null);
  b.forEach(function (c, j) { (b2j[c] = b2j[c] || []).push(j); });
  var queue = [[0, a.length, 0, b.length]], blocks = [];
  while (queue.length) {
    var q = queue.pop(), m = longestMatch(a, b2j, q[0], q[1], q[2], q[3]);
    var i = m[0], j = m[1], k = m[2];
    if (k) {
      blocks.push(m);
      if (q[0] < i && q[2] < j) queue.push([q[0], i, q[2], j]);
      if (i + k < q[1] && j + k < q[3]) queue.push([i + k, q[1], j + k, q[3]]);
    }
  }
  blocks.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1] || x[2] - y[2]; });
  var out = [], i1 = 0, j1 = 0, k1 = 0;
  blocks.forEach(function (blk) {
    if (i1 + k1 === blk[0] && j1 + k1 === blk[1]) k1 += blk[2];
    else { if (k1) out.push([i1, j1, k1]); i1 = blk[0]; j1 = blk[1]; k1 = blk[2]; }
  });
  if (k1) out.push([i1, j1, k1]);
  out.push([a.length, b.length, 0]);
  return out;
}
/* [[op, text]], op "same" | "del" (only in a) | "ins" (only in b), over two lists of tokens; a replacement is
 * its deletion then its insertion; neighbours of one op are joined (exactly as enrich/alignment.char_diff
 * and word_diff). */
export function tokenDiff(a, b) {
  var out = [], i = 0, j = 0;
  function add(op, tokens) {
    if (!tokens.length) return;
    var text = tokens.join("");
    if (out.length && out[out.length - 1][0] === op) out[out.length - 1][1] += text;
    else out.push([op, text]);
  }
  matchingBlocks(a, b).forEach(function (m) {
    add("del", a.slice(i, m[0]));
    add("ins", b.slice(j, m[1]));
    i = m[0] + m[2]; j = m[1] + m[2];
    add("same", a.slice(m[0], i));
  });
  return out;
}
export function charDiff(aText, bText) { return tokenDiff(Array.from(aText), Array.from(bText)); }
/* The words of a text (enrich/alignment.segment): at each place the longest word of the vocabulary that
 * starts there, else one character. */
export function segment(text, vocab) {
  var chars = Array.from(text), out = [], i = 0;
  while (i < chars.length) {
    var n = Math.min(vocab.longest, chars.length - i), word = null;
    for (; n > 1; n--) {
      var w = chars.slice(i, i + n).join("");
      if (vocab.has[w]) { word = w; break; }
    }
    out.push(word || chars[i]);
    i += word ? n : 1;
  }
  return out;
}
export function vocabulary(words) {
  var has = Object.create(null), longest = 1;
  (words || []).forEach(function (w) { has[w] = true; longest = Math.max(longest, Array.from(w).length); });
  return { has: has, longest: longest };
}
export function wordDiff(aText, bText, vocab) { return tokenDiff(segment(aText, vocab), segment(bText, vocab)); }
/* Of a diff's characters (whitespace left out), the share the two texts have in common (alignment.shared_share). */
export function sharedShare(parts) {
  var c = { same: 0, del: 0, ins: 0 };
  parts.forEach(function (p) { c[p[0]] += Array.from(p[1].replace(/\s/g, "")).length; });
  var total = 2 * c.same + c.del + c.ins;
  return total ? 2 * c.same / total : 1;
}

/* The provision's Chinese as enrich/alignment.provision_text gives it: item labels kept, paragraphs
 * joined by newlines. */
export function provisionText(data, eid) {
  var u = data.byEid[eid];
  if (u.kind === "item") return u.label + u.zh;
  return (u.kind === "paragraph" ? [u] : u.paragraphs).map(function (p) {
    return p.zh + p.items.map(function (i) { return i.label + i.zh; }).join("");
  }).join("\n");
}
