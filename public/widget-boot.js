/*
 * The widget page's own script: what runs before, and instead of, the widget's WebAssembly.
 *
 * The server sends the welcome as HTML. This script
 *   - keeps the embedding page's iframe fitted to the content (height messages to the parent
 *     origin named in the page's address, and to it only), and scrolls along when the widget
 *     asks (`mtr:scroll-by`, see src/focus.rs);
 *   - loads the widget (`mitreden-widget.js` and its wasm, beside this file) at the first sign of
 *     use — the pointer over the page, a touch, keyboard focus, a key — or when the browser is
 *     idle, whichever comes first;
 *   - hands the widget what the visitor asked for before it was there: a click on an element
 *     with `data-mtr-act` (the start button, the receipt look-up) runs `act(name)` in the
 *     widget once it has loaded. Should it fail to load, "start" goes on without it, to the
 *     form that works without JavaScript.
 * A page without a welcome (no consultation) loads nothing.
 */
const app = document.getElementById("mtr-app");
const glue = new URL("mitreden-widget.js", import.meta.url);
const wasm = new URL("mitreden-widget_bg.wasm", import.meta.url);

let loading = null;
function load() {
  // The module is asked for together with its glue, not after it: one round trip less.
  loading ??= Promise.all([import(glue.href), fetch(wasm.href)]).then(async ([widget, module]) => {
    await widget.default({ module_or_path: module });
    return widget;
  });
  return loading;
}

/** The embedding page's origin, if the page is in its frame and named it in the address. */
function parentOrigin() {
  const parent = new URLSearchParams(location.search).get("parent");
  if (window.parent === window) return null;
  try {
    const origin = new URL(parent).origin;
    return origin === parent && /^https?:$/.test(new URL(origin).protocol) ? origin : null;
  } catch {
    return null;
  }
}

function reportHeight(origin) {
  // The body, not the root element: the root is never shorter than the iframe, so the frame
  // could grow but never shrink again.
  const post = () =>
    window.parent.postMessage({ type: "mitreden:height", height: document.body.offsetHeight }, origin);
  new ResizeObserver(post).observe(document.body);
  post();
}

// The widget keeps a pressed control under the finger when its item moves (src/focus.rs):
// here by scrolling this page, in a frame by asking the embedding page (which scrolls only
// for this frame).
function scrollAlong(origin) {
  addEventListener("mtr:scroll-by", (event) => {
    const by = Number(event.detail);
    if (!Number.isFinite(by)) return;
    if (origin) window.parent.postMessage({ type: "mitreden:scroll-by", by }, origin);
    else window.scrollBy(0, by);
  });
}

// Says "loading" (the page's text, in its language) when the widget is not there within a
// moment of a press: on a slow line that takes seconds, and a silent button invites a second
// press or leaving.
const BUSY_AFTER_MS = 300;

function act(event, element) {
  const name = element.getAttribute("data-mtr-act");
  if (name === "start") event.preventDefault();
  if (name === "lookup" && !element.open) return;
  element.setAttribute("aria-busy", "true");
  const status = document.getElementById("mtr-boot-status");
  const busy = setTimeout(() => {
    if (status) status.textContent = status.dataset.busy ?? "";
  }, BUSY_AFTER_MS);
  load()
    .then((widget) => widget.act(name))
    .catch(() => {
      if (name === "start") element.form?.submit();
    })
    .finally(() => {
      clearTimeout(busy);
      if (status) status.textContent = "";
      element.removeAttribute("aria-busy");
    });
}

const origin = parentOrigin();
if (origin) reportHeight(origin);
scrollAlong(origin);
if (app) {
  // Clicks on the welcome's controls (the widget's own, inside #mtr-app, are its business).
  document.addEventListener("click", (event) => {
    const element = event.target.closest?.("button[data-mtr-act]");
    if (element && !app.contains(element)) act(event, element);
  });
  document.addEventListener(
    "toggle",
    (event) => {
      const element = event.target;
      if (element.matches?.("details[data-mtr-act]")) act(event, element);
    },
    true,
  );
  const soon = () => load().catch(() => {});
  for (const name of ["pointerover", "pointerdown", "touchstart", "focusin", "keydown"]) {
    addEventListener(name, soon, { once: true, passive: true });
  }
  if (document.documentElement.hasAttribute("data-mtr-eager")) soon();
  else if ("requestIdleCallback" in window) requestIdleCallback(soon, { timeout: 3000 });
  else setTimeout(soon, 1000);
}
