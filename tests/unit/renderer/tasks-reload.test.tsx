/** A failing task-list reload says so: an unreadable answer is an error with words, and older rows are flagged. */
import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TasksView } from '../../../renderer/src/components/tasks/tasks-view';
import { createAppStore } from '../../../renderer/src/store';
import { fail, ok } from '../../../shared/result';
import { renderWithStore } from './fixtures/render';
import { fakeCore, record } from './fixtures/sample';

afterEach(() => {
  cleanup();
});

describe('tasks reload', () => {
  it('turns an answer that is not a list into an error the view can show', async () => {
    const fake = fakeCore({ overrides: { 'tasks:list': () => ok({ not: 'a list' }) } });
    const store = createAppStore(fake.api);
    await store.getState().loadTasks();
    expect(store.getState().tasksStatus).toBe('error');
    expect(store.getState().tasksError?.code).toBe('BAD_RESPONSE');
  });

  it('flags the rows still shown after a failed reload', async () => {
    let calls = 0;
    const fake = fakeCore({
      overrides: {
        'tasks:list': () => (++calls === 1 ? ok([record({})]) : fail('INTERNAL', 'journal unreadable')),
      },
    });
    const store = createAppStore(fake.api);
    await store.getState().loadTasks();
    renderWithStore(store, <TasksView />);
    expect(screen.queryByTestId('tasks-stale')).toBeNull();
    await act(() => store.getState().loadTasks());
    expect(screen.getByTestId('tasks-stale').textContent).toContain('could not be reloaded');
    expect(screen.getByRole('alert')).toBeTruthy();
  });
});
