/* The header search box answers on every change of its text (issue 24). Material sends a query on the box's
 * keyup only, so a change without a key (text pasted from a menu or dropped, an input method's composition
 * ending, text entered by dictation, assistive technology or a script) found nothing until the next key. Each
 * such change is passed on to Material as one keyup, debounced (a burst of changes is one query; Material
 * ignores a value it has already searched). Text entered before the search is ready is answered when it is:
 * Material reads the box again when the worker says READY (build_scripts/features/search.py, overrides/main.html),
 * and a change while the worker loads its tables is queued by the worker (search-worker/). */

export const DEBOUNCE_MS = 120;
const BOX = "input.md-search__input";

/** @type {ReturnType<typeof setTimeout> | undefined} */
let timer;

/** @param {HTMLInputElement} box */
function answer(box) {
  clearTimeout(timer);
  timer = setTimeout(function () {
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true, key: "Unidentified" }));
  }, DEBOUNCE_MS);
}

/** @param {Event} ev */
function changed(ev) {
  const box = /** @type {HTMLInputElement} */ (ev.target);
  if (!box || !box.matches || !box.matches(BOX)) return;
  if (ev.type === "input" && /** @type {InputEvent} */ (ev).isComposing) return;   // the composition's end answers
  answer(box);
}

["input", "paste", "compositionend", "drop", "cut"].forEach(function (type) {
  document.addEventListener(type, changed, true);
});
