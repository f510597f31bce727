/* bylaws review site: fold search queries the way the index was folded.
 *
 * bylawsNormalize() implements bylaws.text.strip_for_search step by step; the
 * test suite runs both on the same strings. The generated pages carry a hidden
 * folded copy of every article, and this script folds what the reader types
 * into material's search box before material reads it (material reads the
 * box on keyup; "input" comes first), so a word typed without diacritics or
 * tatweel, or with another alef form, finds its article.
 */
(function () {
  "use strict";

  var STRIP = /[\u064B-\u065F\u0670\u0640\u200C\u200D\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069'\u2019]/g;
  var FOLD = {
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627",
    "\u0671": "\u0627", "\u0672": "\u0627", "\u0673": "\u0627",
    "\u0629": "\u0647", "\u0649": "\u064A",
    "\u066B": ".", "\u066C": ","
  };
  var FOLDABLE = /[\u0623\u0625\u0622\u0671\u0672\u0673\u0629\u0649\u066B\u066C\u0660-\u0669\u06F0-\u06F9]/g;
  var SEPARATOR = /[^\p{L}\p{M}\p{N}]+/gu;

  function fold(ch) {
    var code = ch.charCodeAt(0);
    if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
    if (code >= 0x06F0 && code <= 0x06F9) return String(code - 0x06F0);
    return FOLD[ch];
  }

  /* The words of s, folded, separated by single spaces (strip_for_search). */
  function normalize(s) {
    var text = String(s).normalize("NFC").toLowerCase();
    text = text.replace(STRIP, "").replace(FOLDABLE, fold);
    return text.replace(SEPARATOR, " ").trim();
  }

  /* The same for a query being typed: a final space stays, so words can follow. */
  function normalizeQuery(s) {
    var folded = normalize(s);
    return folded && /[^\p{L}\p{M}\p{N}]$/u.test(s) ? folded + " " : folded;
  }

  window.bylawsNormalize = normalize;
  window.bylawsNormalizeQuery = normalizeQuery;

  function isSearchBox(el) {
    return el && el.matches && el.matches("[data-md-component=search-query]");
  }

  function refold(el) {
    var folded = normalizeQuery(el.value);
    if (folded !== el.value) el.value = folded;
  }

  // Capture phase on the document: we run before material's own listeners.
  ["input", "keyup", "focus", "change"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.isComposing || !isSearchBox(event.target)) return;
      refold(event.target);
      // material reads the box on keyup only; text pasted, dictated or typed
      // through an input method may bring no keyup, so announce one.
      if (type === "input") {
        event.target.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
      }
    }, true);
  });
})();

// Printing: the page's title goes on every printed page (bylaws.css shows
// data-print-title in a fixed box, which the browser repeats on each page).
if (typeof window.addEventListener === "function") {
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".bylaws-page").forEach(function (page) {
      var heading = page.querySelector("h1");
      page.setAttribute("data-print-title", heading ? heading.textContent : document.title);
    });
  });
}
