/*
 * mitreden embed loader.
 *
 * Put an element with data-consultation="SLUG" on the page and load this script from the
 * mitreden server:
 *
 *   <div data-consultation="demo" data-lang="de"></div>
 *   <script src="https://beteiligung.example.de/embed.js" async></script>
 *
 * Optional attributes: data-lang (de, en), data-title (the frame's accessible name), and the
 * host's look: data-accent (#rrggbb; ignored unless white text on it stays readable),
 * data-font (a font-family list) and data-radius (e.g. 4px). Any number of widgets may be on
 * one page. Put a link to the plain form (/w/SLUG/form) inside the element, in a <noscript>,
 * for visitors without JavaScript.
 *
 * The loader sets no cookies: it adds an iframe from the mitreden server (loaded lazily, when the
 * visitor scrolls near it), keeps its height fitted to the content and scrolls along when a
 * control the visitor pressed moves with its item (or, when the frame goes on to the plain
 * form or its receipt, to the frame's top), trusting messages only from that exact origin and
 * that exact frame.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  var titles = { de: "Online-Beteiligung", en: "Online consultation" };

  function language(el) {
    var lang = (el.getAttribute("data-lang") || document.documentElement.lang || "de")
      .slice(0, 2)
      .toLowerCase();
    return titles[lang] ? lang : "de";
  }

  function mount(el) {
    if (el.getAttribute("data-mitreden-mounted")) return;
    el.setAttribute("data-mitreden-mounted", "true");
    var slug = el.getAttribute("data-consultation");
    var lang = language(el);
    var url = new URL("/w/" + encodeURIComponent(slug), origin);
    url.searchParams.set("lang", lang);
    url.searchParams.set("parent", window.location.origin);
    ["accent", "font", "radius"].forEach(function (name) {
      var value = el.getAttribute("data-" + name);
      if (value) url.searchParams.set(name, value);
    });

    var frame = document.createElement("iframe");
    // Nothing of the widget loads until the visitor scrolls near it.
    frame.loading = "lazy";
    frame.src = url.href;
    frame.title = el.getAttribute("data-title") || titles[lang];
    // The receipt's "copy code" button writes to the clipboard from inside the frame.
    frame.allow = "clipboard-write";
    frame.setAttribute("data-mitreden-frame", slug);
    frame.style.cssText = "display:block;width:100%;border:0;min-height:24rem;";
    el.appendChild(frame);

    window.addEventListener("message", function (event) {
      if (event.origin !== origin || event.source !== frame.contentWindow) return;
      var data = event.data;
      if (!data) return;
      if (data.type === "mitreden:height") {
        var height = Number(data.height);
        if (height > 0 && height < 100000) {
          frame.style.minHeight = "0";
          frame.style.height = Math.ceil(height) + "px";
        }
      } else if (data.type === "mitreden:scroll-by") {
        // A control the visitor pressed moved with its item: scroll so it stays in place.
        var by = Number(data.by);
        if (Math.abs(by) > 0 && Math.abs(by) < 10000) window.scrollBy(0, by);
      } else if (data.type === "mitreden:arrived") {
        // The frame went on to a new page (the plain form, its receipt) after a press further
        // down: show its top, where that page begins.
        var top = frame.getBoundingClientRect().top;
        if (top < 0 || top > window.innerHeight) frame.scrollIntoView({ block: "start" });
      }
    });
  }

  function mountAll() {
    var nodes = document.querySelectorAll("[data-consultation]");
    for (var i = 0; i < nodes.length; i++) mount(nodes[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
