/* Versus search page script, loaded by the search page alone: results from the site's
   Pagefind index, read by Pagefind's own engine (pagefind.js), which is fetched only once a
   reader searches or focuses the box, so the page itself loads no more than any other.
   Results come ten at a time. The page is complete without it (see templates/pages/search.njk). */
(function () {
  "use strict";

  var RESULTS_AT_ONCE = 10;
  // Found from this script's own address (/assets/search.….js), so a site served under a path
  // (https://user.github.io/repo/) loads its own index.
  var ENGINE_URL = new URL("../pagefind/pagefind.js", document.currentScript.src).href;

  function mountSearch() {
    var root = document.querySelector("[data-search]");
    if (!root) return;
    var form = root.querySelector("form");
    var input = root.querySelector("input[type=search]");
    var status = root.querySelector("[role=status]");
    var list = root.querySelector(".search-results");
    var more = root.querySelector(".search-more");
    var fallback = document.querySelector("[data-search-fallback]");
    var engine = null;
    var results = [];
    var shown = 0;
    var latest = 0;
    var timer = 0;

    function loadEngine() {
      if (!engine) {
        engine = import(ENGINE_URL).then(function (pagefind) {
          return Promise.resolve(pagefind.init()).then(function () { return pagefind; });
        });
        engine.catch(function () { engine = null; });
      }
      return engine;
    }

    function search(text) {
      var ticket = ++latest;
      var term = text.trim();
      var url = new URL(window.location.href);
      if (term) url.searchParams.set("q", term);
      else url.searchParams.delete("q");
      history.replaceState(null, "", url.pathname + url.search + url.hash);
      list.textContent = "";
      more.hidden = true;
      if (!term) {
        status.textContent = "";
        return;
      }
      status.textContent = "Searching\u2026";
      loadEngine()
        .then(function (pagefind) { return pagefind.search(term); })
        .then(function (found) {
          if (ticket !== latest) return;
          results = found.results;
          shown = 0;
          var quoted = "\u201c" + term + "\u201d";
          status.textContent = results.length === 0
            ? "No results for " + quoted + ". Try a product's name, or browse the site from the menu."
            : results.length + (results.length === 1 ? " result" : " results") + " for " + quoted;
          return showMore(ticket, false);
        })
        .catch(function () { failed(ticket); });
    }

    function failed(ticket) {
      if (ticket !== latest) return;
      status.textContent = "Search could not load. Try again, or browse the site instead.";
      if (fallback) fallback.hidden = false;
    }

    function showMore(ticket, moveFocus) {
      var next = results.slice(shown, shown + RESULTS_AT_ONCE);
      shown += next.length;
      more.hidden = true;
      return Promise.all(next.map(function (r) { return r.data(); })).then(function (pages) {
        if (ticket !== latest) return;
        var items = pages.map(resultItem);
        items.forEach(function (item) { list.appendChild(item); });
        more.hidden = shown >= results.length;
        // Keyboard readers continue from the first new result, not from the page's top.
        if (moveFocus && items.length > 0) items[0].querySelector("a").focus();
      });
    }

    function resultItem(page) {
      var item = element("li", "search-result");
      var heading = element("h2", "search-result-title");
      heading.appendChild(link(page.url, (page.meta && page.meta.title) || page.url));
      item.appendChild(heading);
      item.appendChild(excerpt(element("p", "search-result-excerpt"), page.excerpt));
      var sections = (page.sub_results || []).filter(function (sub) { return sub.url !== page.url; }).slice(0, 3);
      if (sections.length > 0) {
        var sub = element("ul", "search-subresults");
        sections.forEach(function (section) {
          var line = element("li");
          line.appendChild(link(section.url, section.title));
          line.appendChild(document.createTextNode(": "));
          sub.appendChild(excerpt(line, section.excerpt));
        });
        item.appendChild(sub);
      }
      return item;
    }

    // Pagefind's excerpts are HTML with <mark> around the matched words: parsed inertly and
    // copied as text and marks only, so nothing in an excerpt can run or restyle the page.
    function excerpt(target, html) {
      var body = new DOMParser().parseFromString(html || "", "text/html").body;
      for (var i = 0; i < body.childNodes.length; i++) {
        var node = body.childNodes[i];
        if (node.nodeName === "MARK") target.appendChild(element("mark")).textContent = node.textContent;
        else target.appendChild(document.createTextNode(node.textContent || ""));
      }
      return target;
    }

    function link(href, text) {
      var a = element("a");
      a.href = href;
      a.textContent = text;
      return a;
    }

    function element(name, className) {
      var el = document.createElement(name);
      if (className) el.className = className;
      return el;
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      search(input.value);
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { search(input.value); }, 250);
    });
    input.addEventListener("focus", function () { loadEngine().catch(function () {}); });
    more.addEventListener("click", function () {
      var ticket = latest;
      showMore(ticket, true).catch(function () { failed(ticket); });
    });

    root.hidden = false;
    if (fallback) fallback.hidden = true;
    var q = new URLSearchParams(window.location.search).get("q");
    if (q) {
      input.value = q;
      search(q);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountSearch);
  else mountSearch();
})();
