// Article ranges as the reader types them ("4,14-17", "4、14—17") and as the pages write them: pure (test/reader.test.js).
export function parseRanges(text) {
  var s = String(text || "").normalize("NFKC").replace(/[，、;；\s]+/g, ",").replace(/[–—~～]/g, "-");
  var nums = [], bad = [];
  s.split(",").forEach(function (part) {
    if (!part) return;
    var m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) { bad.push(part); return; }
    var lo = parseInt(m[1], 10), hi = m[2] ? parseInt(m[2], 10) : lo;
    if (hi < lo) { var t = lo; lo = hi; hi = t; }
    if (hi - lo > 1000) { bad.push(part); return; }
    for (var n = lo; n <= hi; n++) if (nums.indexOf(n) < 0) nums.push(n);
  });
  nums.sort(function (x, y) { return x - y; });
  return { nums: nums, bad: bad };
}
export function formatRanges(nums) {
  var sorted = nums.slice().sort(function (x, y) { return x - y; }), out = [];
  for (var i = 0; i < sorted.length; i++) {
    var lo = sorted[i];
    while (i + 1 < sorted.length && sorted[i + 1] === sorted[i] + 1) i++;
    out.push(lo === sorted[i] ? String(lo) : (sorted[i] === lo + 1 ? lo + "," + sorted[i] : lo + "-" + sorted[i]));
  }
  return out.join(",");
}
