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
