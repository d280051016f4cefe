/** A status as colour, icon and text together: never colour alone (WCAG 1.4.1). */
import type { ReactNode } from 'react';

export type Tone = 'ok' | 'busy' | 'warn' | 'bad' | 'neutral';

/** Also used by the fleet grid's rows, which are drawn outside React (fleet-row-pool.ts). */
export const chipIcons: Record<Tone, string> = { ok: '✓', busy: '◐', warn: '!', bad: '✕', neutral: '•' };

export function StatusChip({ tone, children }: { tone: Tone; children: ReactNode }) {
  return (
    <span className={`chip chip-${tone}`}>
      <span className="chip-icon" aria-hidden="true">
        {chipIcons[tone]}
      </span>
      {children}
    </span>
  );
}

export const instanceTone = (status: string): Tone =>
  status === 'running'
    ? 'ok'
    : status === 'processing' || status === 'initializing'
      ? 'busy'
      : status === 'isolated' || status === 'to-be-deleted'
        ? 'bad'
        : 'neutral';

export const taskTone = (status: string): Tone =>
  status === 'succeed'
    ? 'ok'
    : status === 'failed' || status === 'error' || status === 'refused'
      ? 'bad'
      : status === 'unknown' || status === 'outcome-unknown'
        ? 'warn'
        : 'busy';

export const backupTone = (status: string): Tone =>
  status === 'normal' || status === 'exported'
    ? 'ok'
    : status === 'exporting'
      ? 'busy'
      : status === 'locked'
        ? 'warn'
        : 'bad';
