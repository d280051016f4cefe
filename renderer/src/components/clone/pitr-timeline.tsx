/**
 * The point in time to clone to, on a bar that shows the range second-level backups cover and the gaps the
 * cloud reported (MissingTimestamps): gaps are drawn hatched, listed in words, and never selectable. A
 * slider keyboard-first: arrows move a minute (with Shift a second), Page Up/Down an hour, Home/End the
 * range's ends; a gap is jumped over. With a pointer, press anywhere on the bar and drag: the bar captures
 * the pointer, so the drag goes on outside it, and every position snaps out of a gap to its nearer edge, as a
 * click does. Times are shown in the app's time zone setting.
 */
import { type KeyboardEvent, type PointerEvent, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useTimeZone } from '../../lib/use-time-zone';
import { keyDelta, nearestSelectable, type PitrWindow, step } from './pitr-steps';

interface Props {
  window: PitrWindow;
  value: number | undefined;
  onChange: (time: number) => void;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function PitrTimeline({ window: w, value, onChange }: Props) {
  const { t } = useTranslation();
  const zone = useTimeZone();
  const id = useId();
  const span = Math.max(1, w.end - w.start);
  const at = (time: number) => `${(((time - w.start) / span) * 100).toFixed(3)}%`;
  const show = (time: number) => formatDateTime(iso(time), zone, true);

  const onKeyDown = (event: KeyboardEvent) => {
    const delta = keyDelta(event.key, event.shiftKey);
    if (delta === undefined) return;
    event.preventDefault();
    const from = value ?? w.end;
    const next =
      delta === 'start'
        ? nearestSelectable(w, w.start)
        : delta === 'end'
          ? nearestSelectable(w, w.end)
          : step(w, from, delta);
    if (next !== undefined && next !== value) onChange(next);
  };

  const slider = useRef<HTMLSpanElement | null>(null);
  // The pointer that pressed on the bar, while it is held: moves of any other pointer are ignored.
  const dragging = useRef<number | undefined>(undefined);

  /** The time under the pointer, snapped out of any gap; undefined when the bar has no width. */
  const timeAt = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (rect.width <= 0) return undefined;
    const ratio = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
    return nearestSelectable(w, w.start + ratio * span);
  };
  const choose = (next: number | undefined) => {
    if (next !== undefined && next !== value) onChange(next);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    // No text selection or scrolling while dragging; the slider takes focus so keys go on from here.
    event.preventDefault();
    dragging.current = event.pointerId;
    event.currentTarget.setPointerCapture(event.pointerId);
    slider.current?.focus();
    choose(timeAt(event));
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current !== event.pointerId) return;
    choose(timeAt(event));
  };
  const endDrag = (event: PointerEvent<HTMLDivElement>) => {
    if (dragging.current !== event.pointerId) return;
    dragging.current = undefined;
    if (event.currentTarget.hasPointerCapture(event.pointerId)) {
      event.currentTarget.releasePointerCapture(event.pointerId);
    }
  };

  return (
    <div className="pitr" data-testid="pitr-timeline">
      <p className="pitr-label" id={`${id}-label`}>
        {t('clone.pitr.label')}
      </p>
      {/* The bar is a pointer shortcut; the slider inside it is the keyboard's way to the same value. */}
      <div
        className="pitr-bar"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
        data-testid="pitr-bar"
      >
        {w.gaps.map((g) => (
          <span
            key={`${g.start}-${g.end}`}
            className="pitr-gap"
            style={{ left: at(g.start), width: `max(3px, ${at(w.start + (g.end - g.start))})` }}
            title={t('clone.pitr.gap', { from: show(g.start), to: show(g.end) })}
            data-testid="pitr-gap"
          />
        ))}
        {value !== undefined && (
          <span
            ref={slider}
            role="slider"
            tabIndex={0}
            className="pitr-thumb"
            style={{ left: at(value) }}
            aria-labelledby={`${id}-label`}
            aria-valuemin={w.start}
            aria-valuemax={w.end}
            aria-valuenow={value}
            aria-valuetext={show(value)}
            aria-describedby={`${id}-keys`}
            onKeyDown={onKeyDown}
            data-testid="pitr-slider"
          />
        )}
      </div>
      <div className="pitr-ends muted small">
        <span>{show(w.start)}</span>
        <span>{show(w.end)}</span>
      </div>
      <p className="pitr-chosen">
        {t('clone.pitr.chosen')}{' '}
        <strong className="mono" data-testid="pitr-chosen">
          {value === undefined ? '—' : show(value)}
        </strong>
      </p>
      <p className="hint" id={`${id}-keys`}>
        {t('clone.pitr.keys')}
      </p>
      {w.gaps.length > 0 ? (
        <ul className="pitr-gaps small" data-testid="pitr-gap-list">
          {w.gaps.map((g) => (
            <li key={`${g.start}-${g.end}`}>
              {t('clone.pitr.gap', { from: show(g.start), to: show(g.end) })}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{t('clone.pitr.noGaps')}</p>
      )}
    </div>
  );
}
