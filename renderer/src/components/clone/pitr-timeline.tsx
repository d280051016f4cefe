/**
 * The point in time to clone to, on a bar that shows the range second-level backups cover and the gaps the
 * cloud reported (MissingTimestamps): gaps are drawn hatched, listed in words, and never selectable. A
 * slider keyboard-first: arrows move a minute (with Shift a second), Page Up/Down an hour, Home/End the
 * range's ends; a gap is jumped over. Times are shown in the app's time zone setting.
 */
import { type KeyboardEvent, type MouseEvent, useId } from 'react';
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

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    if (rect.width <= 0) return;
    const next = nearestSelectable(w, w.start + ((event.clientX - rect.left) / rect.width) * span);
    if (next !== undefined) onChange(next);
  };

  return (
    <div className="pitr" data-testid="pitr-timeline">
      <p className="pitr-label" id={`${id}-label`}>
        {t('clone.pitr.label')}
      </p>
      {/* The bar is a pointer shortcut; the slider below it is the keyboard's way to the same value. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the slider inside is the accessible control */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: keys go to the focusable slider inside */}
      <div className="pitr-bar" onClick={onClick}>
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
