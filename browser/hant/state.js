// The traditional view's state for other components (cite/ copies a citation as the view shows it).
// Scaffold: read from the view's script (./index.js, not a module yet) until it becomes one.
const w = /** @type {any} */ (window);

export function active() { return !!(w.LexHant && w.LexHant.active()); }
/** @param {string} text */
export function convert(text) { return w.LexHant ? w.LexHant.convert(text) : text; }
