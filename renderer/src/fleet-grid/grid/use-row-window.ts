/**
 * Fixed-height row windowing for the fleet grid. Every row is the same height, so the visible slice is
 * arithmetic on scrollTop: O(visible rows) per render, whatever the row count. A general virtualizer keeps a
 * measurement per row, and rebuilding 100,000 of them on every keystroke of a search cost more than the
 * search itself.
 */
import { type RefObject, useCallback, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';

/** Without layout (jsdom) the viewport has no height; assume a typical window so rows still render. */
const FALLBACK_VIEWPORT = 600;

export interface RowWindow {
  /** The first and last row index that are at least partly visible below the header. */
  firstVisible: number;
  lastVisible: number;
  /** The scroll offset the window was computed for; it changes when the grid scrolls or resizes. */
  top: number;
  totalHeight: number;
  scrollToIndex(index: number): void;
}

export function useRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  count: number,
  rowHeight: number,
  /** Height of anything above the rows inside the scroller (the sticky header). */
  headerHeight = 0,
): RowWindow {
  const [view, setView] = useState({ top: 0, height: FALLBACK_VIEWPORT });

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let frame = 0;
    const read = () => {
      frame = 0;
      setView((v) => {
        const height = el.clientHeight || FALLBACK_VIEWPORT;
        return v.top === el.scrollTop && v.height === height ? v : { top: el.scrollTop, height };
      });
    };
    // Rendered at once inside the frame's callback, so the rows scrolled into view are drawn in that
    // same frame rather than the next one.
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(() => flushSync(read));
    };
    read();
    el.addEventListener('scroll', onScroll, { passive: true });
    const resize = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(onScroll);
    resize?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize?.disconnect();
      if (frame !== 0) cancelAnimationFrame(frame);
    };
  }, [scrollRef]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const height = el.clientHeight || FALLBACK_VIEWPORT;
      const top = index * rowHeight;
      const bottom = top + rowHeight + headerHeight;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (bottom > el.scrollTop + height) el.scrollTop = bottom - height;
    },
    [scrollRef, rowHeight, headerHeight],
  );

  // Row i spans [headerHeight + i·rowHeight, + rowHeight) of the scroller's content, and the sticky header
  // covers the top headerHeight pixels of the viewport.
  const firstVisible = Math.min(Math.max(0, count - 1), Math.floor(view.top / rowHeight));
  const lastVisible = Math.min(count - 1, Math.ceil((view.top + view.height - headerHeight) / rowHeight) - 1);
  return { firstVisible, lastVisible, top: view.top, totalHeight: count * rowHeight, scrollToIndex };
}
