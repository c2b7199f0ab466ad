// Copying a citation: to the clipboard (a scratch textarea where the Clipboard API is unavailable: file://, http
// on another host), as the traditional view shows it. Without side effects: the reader's pages import it too.
import { active as hantActive, convert as hantConvert } from "../hant/state.js";

function fallbackCopy(text) {
  var active = /** @type {HTMLElement | null} */ (document.activeElement);
  var ta = document.createElement("textarea");
  ta.value = text;
  ta.setAttribute("readonly", "");
  ta.setAttribute("aria-hidden", "true");
  ta.className = "lex-cite-scratch";
  document.body.appendChild(ta);
  ta.select();
  var ok = false;
  try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
  document.body.removeChild(ta);
  if (active && active.focus) active.focus();
  return ok;
}

export function copyText(text) {
  // a citation copied in the traditional view is copied as the view shows it (hant/)
  if (hantActive()) text = hantConvert(text);
  if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
    return navigator.clipboard.writeText(text).then(function () { return true; },
      function () { return fallbackCopy(text); });
  }
  return Promise.resolve(fallbackCopy(text));
}
