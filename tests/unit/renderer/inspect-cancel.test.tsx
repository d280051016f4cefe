/**
 * Cancel for Find and Compare: while one runs, a Cancel button (focused in place of the disabled start button)
 * stops it in main by its request id; the panel then shows "cancelled" and no result, not even the previous
 * one; leaving the panel cancels what it still runs.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app';
import { type Envelope, fail, ok } from '../../../shared/result';
import { completeCache, inspectCore, sampleDiff, sampleFind } from './fixtures/inspect-sample';
import { backup } from './fixtures/sample';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

const base = '#/inspect/ap-guangzhou/crs-abcd1234/64b1c2d3-backup-1';
const backups = [
  backup({ id: 'newest-backup', startTime: '2026-11-30T02:00:00.000Z' }),
  backup({ id: '64b1c2d3-backup-1', startTime: '2026-11-29T02:00:00.000Z' }),
];

/** Main as the panels see it: a find or diff runs until it is cancelled by its request id, or released whole. */
function slowMain(view: 'find' | 'compare', language: 'en' | 'zh-CN' = 'en') {
  const running = new Map<string, (answer: Envelope<unknown>) => void>();
  const hold = (request: unknown) =>
    new Promise<Envelope<unknown>>((resolve) => {
      running.set((request as { requestId: string }).requestId, resolve);
    });
  const fake = inspectCore({
    prefs: { language },
    backups,
    inspect: {
      'backup:downloads': () => ok(completeCache('64b1c2d3-backup-1', 'newest-backup')),
      'inspect:find': hold,
      'inspect:diff': hold,
      'inspect:cancel': (request) => {
        const id = (request as { requestId: string }).requestId;
        running.get(id)?.(fail('INSPECT_CANCELLED', 'The inspection was cancelled.'));
        const known = running.delete(id);
        return ok({ cancelled: known });
      },
    },
  });
  window.location.hash = `${base}/${view}`;
  const rendered = render(<App resolution={{ api: fake.api }} />);
  const finish = (value: unknown) => {
    for (const [id, resolve] of running) {
      running.delete(id);
      resolve(ok(value));
    }
  };
  return { fake, running, finish, rendered };
}

describe('Cancel while finding', () => {
  it('stops the search in main by its id, says so, and shows no result, not even the last one', async () => {
    const { fake, running, finish } = slowMain('find');
    fireEvent.change(await screen.findByLabelText('Key name or pattern'), { target: { value: 'user:*' } });
    const submit = screen.getByTestId('find-submit');
    fireEvent.click(submit);
    await waitFor(() => expect(running.size).toBe(1));
    finish(sampleFind());
    await screen.findByTestId('find-results');

    // A second search, cancelled: the first one's result is not left to stand for it.
    submit.focus();
    fireEvent.click(submit);
    const cancel = await screen.findByRole('button', { name: 'Cancel search' });
    expect(screen.queryByTestId('find-results')).toBeNull();
    expect((submit as HTMLButtonElement).disabled).toBe(true);
    // Keyboard users are not left on a disabled button: focus moves to Cancel, and back when it goes.
    expect(document.activeElement).toBe(cancel);
    const [, second] = fake.callsTo('inspect:find') as Array<{ requestId: string }>;
    fireEvent.click(cancel);
    await waitFor(() => expect(fake.callsTo('inspect:cancel')).toEqual([{ requestId: second?.requestId }]));
    expect((await screen.findByTestId('find-cancelled')).textContent).toMatch(/^Search cancelled/);
    expect(screen.getByTestId('find-cancelled').getAttribute('role')).toBe('status');
    expect(screen.queryByTestId('find-results')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel search' })).toBeNull();
    expect(document.activeElement).toBe(submit);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('cancels what it still runs when the panel is left', async () => {
    const { fake, running, rendered } = slowMain('find');
    fireEvent.change(await screen.findByLabelText('Key name or pattern'), { target: { value: 'k' } });
    fireEvent.click(screen.getByTestId('find-submit'));
    await waitFor(() => expect(running.size).toBe(1));
    const [asked] = fake.callsTo('inspect:find') as Array<{ requestId: string }>;
    rendered.unmount();
    await act(async () => undefined);
    expect(fake.callsTo('inspect:cancel')).toEqual([{ requestId: asked?.requestId }]);
  });
});

describe('Cancel while comparing', () => {
  it('stops the comparison in main, says so, and shows no result', async () => {
    const { fake, running } = slowMain('compare');
    fireEvent.click(await screen.findByTestId('compare-run'));
    await waitFor(() => expect(running.size).toBe(1));
    const cancel = screen.getByRole('button', { name: 'Cancel comparison' });
    fireEvent.click(cancel);
    const [asked] = fake.callsTo('inspect:diff') as Array<{ requestId: string }>;
    await waitFor(() => expect(fake.callsTo('inspect:cancel')).toEqual([{ requestId: asked?.requestId }]));
    expect((await screen.findByTestId('compare-cancelled')).textContent).toMatch(/^Comparison cancelled/);
    expect(screen.queryByTestId('diff-outcome')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    // A comparison that ends whole still shows, as before.
    fireEvent.click(screen.getByTestId('compare-run'));
    await waitFor(() => expect(running.size).toBe(1));
    expect(screen.queryByTestId('compare-cancelled')).toBeNull();
    await act(async () => {
      for (const [id, resolve] of running) {
        running.delete(id);
        resolve(ok(sampleDiff()));
      }
    });
    await screen.findByTestId('diff-outcome');
  });

  it('speaks Chinese when the app does', async () => {
    const { running } = slowMain('compare', 'zh-CN');
    fireEvent.click(await screen.findByTestId('compare-run'));
    await waitFor(() => expect(running.size).toBe(1));
    fireEvent.click(screen.getByRole('button', { name: '取消对比' }));
    expect((await screen.findByTestId('compare-cancelled')).textContent).toMatch(/^对比已取消/);
  });
});
