/* bylaws review site: search that folds Arabic spelling, and keeps the reader's.
 *
 * bylawsNormalize() implements bylaws.text.strip_for_search step by step and
 * bylawsSearchKey() implements bylaws.text.search_key; the test suite runs
 * both languages on the same strings. The plugin adds a hidden field
 * "folded" (search_key of each section) to material's search index; here the
 * query is folded the same way for material's worker only while it reads the
 * box, and put back at once, so the box keeps what the reader typed. Results
 * show the index's original text; the words whose key matches the query are
 * marked here, since material can only mark the folded words it matched.
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
  var WORD = /[\p{L}\p{M}\p{N}]+/gu;
  // Longest first, as bylaws.text._ARTICLE_PREFIXES.
  var PREFIXES = [
    "\u0648\u0627\u0644", "\u0641\u0627\u0644", "\u0628\u0627\u0644",
    "\u0643\u0627\u0644", "\u0648\u0644\u0644", "\u0641\u0644\u0644",
    "\u0627\u0644", "\u0644\u0644"
  ];

  function fold(ch) {
    var code = ch.charCodeAt(0);
    if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
    if (code >= 0x06F0 && code <= 0x06F9) return String(code - 0x06F0);
    return FOLD[ch];
  }

  /* The words of s, folded, separated by single spaces (strip_for_search). */
  function normalize(s) {
    var text = String(s).normalize("NFC").toLowerCase();
    text = text.replace(STRIP, "").replace(FOLDABLE, fold).normalize("NFC");
    return text.replace(SEPARATOR, " ").trim();
  }

  function withoutArticle(word) {
    for (var i = 0; i < PREFIXES.length; i++) {
      var prefix = PREFIXES[i];
      if (word.indexOf(prefix) === 0 && word.length - prefix.length >= 2) {
        return word.slice(prefix.length);
      }
    }
    return word;
  }

  /* The words of s as search matches them (search_key). */
  function searchKey(s) {
    var folded = normalize(s).replace(/\u0624/g, "\u0648").replace(/\u0626/g, "\u064A");
    if (!folded) return "";
    return folded.split(" ").map(withoutArticle).join(" ");
  }

  /* The same for a query being typed: a final space stays, so words can follow. */
  function queryKey(s) {
    var key = searchKey(s);
    return key && /[^\p{L}\p{M}\p{N}]$/u.test(s) ? key + " " : key;
  }

  window.bylawsNormalize = normalize;
  window.bylawsSearchKey = searchKey;
  window.bylawsQueryKey = queryKey;

  if (typeof document === "undefined" || !document.querySelector) return;

  function isSearchBox(el) {
    return el && el.matches && el.matches("[data-md-component=search-query]");
  }

  var typed = null;
  var lastKeys = [];

  // material reads the box in its own keyup listener on the box: fold the
  // value just before (capture phase on the document) and put the reader's
  // text back just after (bubble phase on the document).
  document.addEventListener("keyup", function (event) {
    var box = event.target;
    if (!isSearchBox(box)) return;
    typed = { value: box.value, start: box.selectionStart, end: box.selectionEnd };
    lastKeys = searchKey(box.value).split(" ").filter(Boolean);
    box.value = queryKey(box.value);
  }, true);
  document.addEventListener("keyup", function (event) {
    var box = event.target;
    if (!isSearchBox(box) || typed === null) return;
    box.value = typed.value;
    if (typed.start !== null) box.setSelectionRange(typed.start, typed.end);
    typed = null;
  }, false);
  function refresh(box) {
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  }
  // Text pasted, dictated or typed through an input method may bring no keyup.
  document.addEventListener("input", function (event) {
    if (event.isComposing || !isSearchBox(event.target)) return;
    refresh(event.target);
  }, true);
  // material also reads the box, unfolded, when the box gains focus and when
  // its search worker becomes ready; read again soon after, folded (material
  // drops a query equal to the last one, so a repeat costs nothing).
  document.addEventListener("focus", function (event) {
    var box = event.target;
    if (!isSearchBox(box)) return;
    [50, 400, 1500, 4000].forEach(function (delay) {
      setTimeout(function () { if (box.value) refresh(box); }, delay);
    });
  }, true);

  function matches(word) {
    var key = searchKey(word);
    return key && lastKeys.some(function (k) { return key.indexOf(k) === 0; });
  }

  /* Mark, in a result's original text, each word whose key the query matches. */
  function markWords(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) {
      if (!walker.currentNode.parentNode.closest("mark")) nodes.push(walker.currentNode);
    }
    nodes.forEach(function (node) {
      var text = node.nodeValue;
      var parts = [];
      var last = 0;
      text.replace(WORD, function (word, at) {
        if (matches(word)) {
          parts.push(document.createTextNode(text.slice(last, at)));
          var mark = document.createElement("mark");
          mark.textContent = word;
          parts.push(mark);
          last = at + word.length;
        }
        return word;
      });
      if (!parts.length) return;
      parts.push(document.createTextNode(text.slice(last)));
      var frag = document.createDocumentFragment();
      parts.forEach(function (p) { frag.appendChild(p); });
      node.parentNode.replaceChild(frag, node);
    });
  }

  function watchResults() {
    var list = document.querySelector(".md-search-result__list");
    if (!list) return;
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        record.addedNodes.forEach(function (node) {
          if (node.nodeType === 1 && lastKeys.length) markWords(node);
        });
      });
    }).observe(list, { childList: true, subtree: false });
  }

  // The theme's search dialog has no name of its own: give it one.
  function nameSearch() {
    var label = document.documentElement.lang === "ar" ? "البحث" : "Search";
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.getAttribute("aria-label")) dialog.setAttribute("aria-label", label);
  }

  // A nav section with a page of its own shows its title as a link, and the
  // label its list is named by holds only an icon: a screen reader would hear
  // a nameless navigation. The label takes the link's words.
  function nameSections() {
    document.querySelectorAll("label.md-nav__link[id]").forEach(function (label) {
      if (label.textContent.trim() || label.getAttribute("aria-label")) return;
      var link = label.parentNode && label.parentNode.querySelector("a.md-nav__link");
      var words = link ? link.textContent.trim() : "";
      if (words) label.setAttribute("aria-label", words);
    });
  }

  function named() { watchResults(); nameSearch(); nameSections(); }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", named);
  } else {
    named();
  }
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
