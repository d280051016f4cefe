/**
 * The in-page probe for input latency, installed with `page.addInitScript`. The clock starts at the input
 * event itself (keydown, click or change, capture phase, so before React sees it) and stops at the first
 * frame painted after the last DOM change the input caused: every mutation schedules
 * requestAnimationFrame → setTimeout(0), whose callback runs just after that frame is presented. `settle()`
 * waits until the page has been quiet for 150 ms and returns the sample in milliseconds.
 */
export const PAINT_PROBE = `(() => {
  const b = { t0: 0, armed: true, painted: 0 };
  const start = () => {
    if (!b.armed) return;
    b.armed = false;
    b.t0 = performance.now();
    b.painted = 0;
    requestAnimationFrame(() => setTimeout(() => { b.painted = Math.max(b.painted, performance.now()); }, 0));
  };
  for (const type of ['keydown', 'click', 'change']) document.addEventListener(type, start, true);
  let last = 0;
  new MutationObserver(() => {
    last = performance.now();
    requestAnimationFrame(() => setTimeout(() => { b.painted = Math.max(b.painted, performance.now()); }, 0));
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  window.__paintProbe = {
    settle: () => new Promise((resolve) => {
      const check = () => {
        const now = performance.now();
        if (now - last > 150 && now - b.t0 > 150 && b.painted > 0) {
          b.armed = true;
          resolve(b.painted - b.t0);
        } else setTimeout(check, 25);
      };
      check();
    }),
  };
})();`;

/**
 * The in-page probe for the first render of the fleet after a load: the time, from the start of the
 * navigation (`performance.now()`), of the frame painted after the first DOM change that shows grid rows
 * and a count of `of N instances`, kept per count text. It is taken in the page because a page busy
 * receiving a 50 MB answer can hold up Playwright's own polling by seconds after the rows are on screen.
 * `window.__firstRowsStop()` disconnects it once read, so that it costs the inputs measured next nothing.
 */
export const FIRST_ROWS_PROBE = `(() => {
  const seen = {};
  window.__firstRows = seen;
  const observer = new MutationObserver(() => {
    const count = document.querySelector('[data-testid="fleet-count"]');
    const match = count && /of ([0-9,]+) instances/.exec(count.textContent || '');
    if (!match || seen[match[1]] !== undefined) return;
    if (!document.querySelector('[data-testid="fleet-grid"] tbody tr')) return;
    seen[match[1]] = null;
    requestAnimationFrame(() => setTimeout(() => { seen[match[1]] = performance.now(); }, 0));
  });
  observer.observe(document, { subtree: true, childList: true, characterData: true });
  window.__firstRowsStop = () => observer.disconnect();
})();`;

/**
 * Where an input's time goes, recorded beside PAINT_PROBE: from the input (keydown, click or change,
 * capture phase) to the first `input`/`change`/`click` handler; the handlers (document capture to window
 * bubble, so React's work and the DOM writes it makes; a select's `input` and `change` count as one);
 * from their end to the next animation frame (the layout the editor forces, then the wait for the
 * frame); and that frame up to its paint. One entry per input; `window.__phases.splice(0)` takes them.
 */
export const PHASE_PROBE = `(() => {
  const log = [];
  window.__phases = log;
  let cur = null;
  const now = () => performance.now();
  // An entry is open from its input until the frame after its handlers starts.
  const open = () => cur !== null && cur.f0 === undefined && now() - cur.start < 100;
  const start = () => {
    if (open()) return;
    cur = { start: now() };
    log.push(cur);
  };
  const enter = () => {
    if (open() && cur.h0 === undefined) cur.h0 = now();
  };
  const leave = () => {
    if (!open() || cur.h0 === undefined) return;
    const c = cur;
    c.h1 = now();
    if (c.waiting) return;
    c.waiting = true;
    requestAnimationFrame(() => {
      c.f0 = now();
      setTimeout(() => { c.f1 = now(); }, 0);
    });
  };
  for (const type of ['keydown', 'click', 'input', 'change']) document.addEventListener(type, start, true);
  for (const type of ['input', 'change', 'click']) {
    document.addEventListener(type, enter, true);
    window.addEventListener(type, leave, false);
  }
})();`;

export interface Phases {
  start: number;
  h0?: number;
  h1?: number;
  f0?: number;
  f1?: number;
}
