/**
 * One cancellable find or compare in a panel: it runs under its own request id, Cancel stops the reads in
 * main (`inspect:cancel`), and a cancelled run ends as `cancelled` with no result — main answers
 * INSPECT_CANCELLED, never what it had read so far. Leaving the panel cancels what it still runs. Focus
 * follows the buttons: from the disabled start button to Cancel while it runs, and back when Cancel goes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useApp } from '../../store';
import { newRequestId } from '../../store/inspect-slice';
import type { UiError } from '../../store/types';

type Result<T> = { ok: true; value: T } | { ok: false; error: UiError };
export type RunPhase = 'idle' | 'running' | 'cancelling' | 'cancelled';

export function useInspectRun() {
  const cancelInspection = useApp((s) => s.cancelInspection);
  const [phase, setPhase] = useState<RunPhase>('idle');
  const running = useRef<string | undefined>(undefined);
  const startButton = useRef<HTMLButtonElement | null>(null);
  const cancelButton = useRef<HTMLButtonElement | null>(null);

  useEffect(
    () => () => {
      if (running.current) void cancelInspection(running.current);
      running.current = undefined;
    },
    [cancelInspection],
  );

  // Cancel had focus when the run ended: it is gone now, so focus goes back to the start button.
  const refocus = useRef(false);
  useEffect(() => {
    if (phase === 'running' && document.activeElement === startButton.current) cancelButton.current?.focus();
    if ((phase === 'idle' || phase === 'cancelled') && refocus.current) {
      refocus.current = false;
      startButton.current?.focus();
    }
  }, [phase]);

  /** Runs `work` under a fresh request id; answers its result, or undefined when cancelled or superseded. */
  const start = useCallback(async <T>(work: (requestId: string) => Promise<Result<T>>) => {
    const requestId = newRequestId();
    running.current = requestId;
    setPhase('running');
    const answer = await work(requestId);
    // Left the panel or started another run meanwhile: this answer is not the one to show.
    if (running.current !== requestId) return undefined;
    running.current = undefined;
    refocus.current = document.activeElement === cancelButton.current;
    const cancelled = !answer.ok && answer.error.code === 'INSPECT_CANCELLED';
    setPhase(cancelled ? 'cancelled' : 'idle');
    return cancelled ? undefined : answer;
  }, []);

  const cancel = useCallback(() => {
    const requestId = running.current;
    if (!requestId) return;
    setPhase('cancelling');
    void cancelInspection(requestId);
  }, [cancelInspection]);

  return {
    phase,
    busy: phase === 'running' || phase === 'cancelling',
    start,
    cancel,
    startButton,
    cancelButton,
  };
}
