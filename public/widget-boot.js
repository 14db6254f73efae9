/*
 * The widget page's own script: what runs before, and instead of, the widget's WebAssembly.
 *
 * The server sends the welcome as HTML. This script
 *   - sends the receipt look-up's forms without leaving a page that holds the code in the
 *     history (see `lookUp`);
 *   - keeps the embedding page's iframe fitted to the content (height messages to the parent
 *     origin named in the page's address, and to it only), and scrolls along when the widget
 *     asks (`mtr:scroll-by`, see src/focus.rs); on the pages a press inside the frame leads to
 *     (the plain form, its receipt, the receipt look-up), it asks that page to show the frame's
 *     top and focuses what is to be read first;
 *   - loads the widget (`mitreden-widget.js` and its wasm, beside this file) at the first sign of
 *     use — the pointer over the page, a touch, keyboard focus, a key — or when the browser is
 *     idle, whichever comes first;
 *   - goes from the welcome to the first question (also rendered by the server) and back at
 *     once, without waiting for the widget;
 *   - hands the widget what the visitor asked for before it was there: a click on an element
 *     with `data-mtr-act` (start, the first question's "back" and "next") runs `act(name)` in
 *     the widget once it has loaded. Should it fail to load (or
 *     not arrive within 15 s of the press), "next" goes on without it, to the form that works
 *     without JavaScript, with the group chosen (an organisation is told that a statement
 *     needs the widget).
 * A page without the widget's place (no consultation, a closed one, the pages above) loads
 * nothing.
 *
 * On a page of its own on a static host (`index.html`: an element names the API in
 * `data-mtr-api`), there is no welcome in the HTML: the build for such pages
 * (`mitreden-static.js`, see src/static_page.rs) loads at once and renders it, and the clicks
 * on it are handled as above from then on.
 */
let app = document.getElementById("mtr-app");
const site = !app && document.querySelector("[data-mtr-api]");
const build = site ? "mitreden-static" : "mitreden-widget";
const glue = new URL(`${build}.js`, import.meta.url);
const wasm = new URL(`${build}_bg.wasm`, import.meta.url);

let loading = null;
/** The widget, once it runs. */
let running = null;
function load() {
  // The module is asked for together with its glue, not after it: one round trip less.
  loading ??= Promise.all([import(glue.href), fetch(wasm.href)]).then(async ([widget, module]) => {
    await widget.default({ module_or_path: module });
    running = widget;
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

// The body, not the root element: the root is never shorter than the iframe, so the frame
// could grow but never shrink again. (The receipt look-up puts a new body in place: watched
// from then on.)
let heightObserver = null;
function reportHeight(origin) {
  const post = () =>
    window.parent.postMessage({ type: "mitreden:height", height: document.body.offsetHeight }, origin);
  heightObserver?.disconnect();
  heightObserver = new ResizeObserver(post);
  heightObserver.observe(document.body);
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
// A download that neither arrives nor fails (a dropped mobile connection) would keep "next"
// waiting for good: after this long the first question goes on without the widget, as if it
// had failed to load. The widget's 215 KB take about 7 s even on a 250 kbit/s line.
const GIVE_UP_MS = 15000;

// Between the welcome and the first question: what to hide, what to show, where focus goes.
const SWAPS = {
  start: ["mtr-welcome", "mtr-who", "mtr-who-heading"],
  back: ["mtr-who", "mtr-welcome", "mtr-welcome-heading"],
};

function swap([hide, show, focus]) {
  document.getElementById(hide)?.setAttribute("hidden", "");
  document.getElementById(show)?.removeAttribute("hidden");
  document.getElementById(focus)?.focus();
}

// Presses the widget is to answer once it is there: by name, the pressed element and the way to
// stop saying "loading" (a second press of the same is the same press). The rest the widget
// reads from the page as it takes over (which step shows, what is chosen): "start" and "back"
// are done by `swap` alone.
const waiting = new Map();

function act(event, element) {
  const name = element.getAttribute("data-mtr-act");
  // The buttons submit their forms (to the form that works without JavaScript) only when the
  // widget cannot load.
  if (element.type === "submit") event.preventDefault();
  if (SWAPS[name]) swap(SWAPS[name]);
  if (running) {
    running.act(name);
    return;
  }
  // Back on the welcome, a "next" still waiting is no longer asked for.
  if (name === "back") waiting.get("next")?.done();
  // Given up on once (an organisation told so, who then chose a group): no second wait.
  if (name === "next" && stalled) {
    goOnWithout(element);
    return;
  }
  if (name === "next") wait(name, element);
  load().catch(() => {});
}

let flush = null;
/** Whether a "next" has waited for the widget in vain (see `GIVE_UP_MS`). */
let stalled = false;

function wait(name, element) {
  if (waiting.has(name)) return;
  element.setAttribute("aria-busy", "true");
  const status = element.parentElement.querySelector(".mtr-boot-status");
  const busy = setTimeout(() => {
    if (status) status.textContent = status.dataset.busy ?? "";
  }, BUSY_AFTER_MS);
  // Only "next" has somewhere to go without the widget.
  const giveUp =
    name === "next" &&
    setTimeout(() => {
      stalled = true;
      done();
      goOnWithout(element);
    }, GIVE_UP_MS);
  const done = () => {
    clearTimeout(busy);
    clearTimeout(giveUp);
    if (status) status.textContent = "";
    element.removeAttribute("aria-busy");
    waiting.delete(name);
  };
  waiting.set(name, { element, done });
  // Once for all that wait: the widget answers them, or "next" goes on without it.
  flush ??= load()
    .then((widget) => {
      for (const name of waiting.keys()) widget.act(name);
    })
    .catch(() => goOnWithout(waiting.get("next")?.element))
    .finally(() => {
      for (const { done } of [...waiting.values()]) done();
      flush = null;
    });
}

// Without the widget, the first question's "next" goes on to the form that works without it —
// which takes no statements: an organisation is told so, next to its choice.
function goOnWithout(next) {
  if (!next) return;
  const error = document.getElementById("mtr-who-error");
  if (document.getElementById("mtr-mode-organisation")?.checked && error) {
    error.textContent = error.dataset.unavailable ?? "";
    error.focus();
    return;
  }
  next.form?.submit();
}

// The plain form, its receipt and the receipt look-up (pages without the widget) each come
// after a press inside the frame ("Weiter" without the widget, sending a form). The embedding page stays scrolled
// where that press was, likely below the new page's top, and browsers autofocus nothing in a
// cross-origin frame: ask that page to show the frame's top, and focus what is to be read
// first (the error summary, the receipt's heading; else the page's heading).
// The way back from them to the welcome names its heading in the address ("#…"): the same there.
function arrived(origin) {
  if (origin) window.parent.postMessage({ type: "mitreden:arrived" }, origin);
  else window.scrollTo(0, 0);
  const named = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  (named || document.querySelector("[autofocus]") || document.querySelector("h1[tabindex]"))?.focus({
    preventScroll: true,
  });
}

// The receipt look-up's forms (`data-mtr-lookup`) go to the server without leaving the page:
// the answer takes the body's place. A page sent in answer to a form stays in the history with
// the code it was sent with, so "Back" would offer to send it again and a reload would show the
// answers to whoever uses the device next; this way "Back" leaves the look-up and a reload
// shows the look-up's empty form (the page's address becomes the look-up's, which holds no
// code). Without JavaScript the forms are sent as usual.
async function lookUp(event) {
  const form = event.target;
  if (!form.matches?.("form[data-mtr-lookup]")) return;
  // On a static host the look-up is the API server's page: the browser goes there (a script
  // on this page could not read the answer, and must not send a withdrawal twice).
  if (new URL(form.action, location.href).origin !== location.origin) return;
  event.preventDefault();
  const body = new URLSearchParams(new FormData(form, event.submitter));
  const sendPlainly = () => {
    // As if there were no script: the pressed button's name and value go along.
    if (event.submitter?.name) {
      const pressed = Object.assign(document.createElement("input"), {
        type: "hidden",
        name: event.submitter.name,
        value: event.submitter.value,
      });
      form.append(pressed);
    }
    form.submit();
  };
  try {
    const response = await fetch(form.action, { method: "POST", body });
    if (!response.headers.get("content-type")?.startsWith("text/html")) return sendPlainly();
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    document.title = page.title;
    document.body.replaceWith(document.adoptNode(page.body));
    history.replaceState(null, "", form.action);
    if (origin) reportHeight(origin);
    arrived(origin);
  } catch {
    sendPlainly();
  }
}

const origin = parentOrigin();
if (origin) reportHeight(origin);
if (origin && (document.documentElement.hasAttribute("data-mtr-arrived") || location.hash)) {
  arrived(origin);
}
scrollAlong(origin);
document.addEventListener("submit", lookUp);
// Clicks on the welcome's controls (the widget's own, inside #mtr-app, are its business).
function listen() {
  document.addEventListener("click", (event) => {
    const element = event.target.closest?.("button[data-mtr-act]");
    if (element && !app.contains(element)) act(event, element);
  });
}
if (site) {
  load()
    .then((widget) => widget.start())
    .then(() => {
      app = document.getElementById("mtr-app");
      if (app) listen();
    })
    .catch((error) => console.error("mitreden: the widget did not load", error));
} else if (app) {
  listen();
  const soon = () => load().catch(() => {});
  for (const name of ["pointerover", "pointerdown", "touchstart", "focusin", "keydown"]) {
    addEventListener(name, soon, { once: true, passive: true });
  }
  if ("requestIdleCallback" in window) requestIdleCallback(soon, { timeout: 3000 });
  else setTimeout(soon, 1000);
}
