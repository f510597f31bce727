/* bylaws review site: search in a site opened from disk (file://).
 *
 * Chromium refuses `new Worker(...)` for a page opened from a file, so the
 * theme's search worker never starts and the search box stays hidden. Under
 * file:// only, this replaces Worker with a small stand-in that runs the
 * worker's script in a hidden frame of the same page and passes messages
 * both ways as events. The index itself comes from search/search_index.js,
 * which the theme loads as a script when it runs from a file and the bylaws
 * plugin writes beside the JSON index. Nothing is fetched from the network.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  function FileWorker(url) {
    var target = new EventTarget();
    var queue = [];
    var frameWindow = null;
    var frame = document.createElement("iframe");
    frame.hidden = true;
    frame.tabIndex = -1;
    frame.setAttribute("aria-hidden", "true");
    frame.title = "search";
    (document.body || document.documentElement).appendChild(frame);
    var inner = frame.contentWindow;
    // What the worker's script posts reaches the page as a message event.
    inner.postMessage = function (data) {
      setTimeout(function () {
        target.dispatchEvent(new MessageEvent("message", { data: data }));
      }, 0);
    };
    var script = inner.document.createElement("script");
    script.src = new URL(url, location.href).href;
    script.onload = function () {
      frameWindow = inner;
      queue.splice(0).forEach(deliver);
    };
    script.onerror = function () {
      target.dispatchEvent(new Event("error"));
    };
    inner.document.head.appendChild(script);

    function deliver(data) {
      setTimeout(function () {
        frameWindow.dispatchEvent(new MessageEvent("message", { data: data }));
      }, 0);
    }

    target.postMessage = function (data) {
      if (frameWindow) deliver(data);
      else queue.push(data);
    };
    target.terminate = function () {
      frame.remove();
    };
    return target;
  }

  window.Worker = FileWorker;
})();
