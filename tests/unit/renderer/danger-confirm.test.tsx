/**
 * The confirmation before an action that cannot be undone: nothing runs until the danger button, a failure
 * stays in the dialog with its error, and Cancel or success closes it saying which.
 */
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DangerConfirm } from '../../../renderer/src/components/common/danger-confirm';
import { createI18n } from '../../../renderer/src/i18n';
import type { UiError } from '../../../renderer/src/store/types';

afterEach(cleanup);

type Answer = { ok: true; value: number } | { ok: false; error: UiError };

function show(run: () => Promise<Answer>, onClose = vi.fn()) {
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <DangerConfirm
        title="Delete it?"
        body="It cannot be undone."
        confirmLabel="Delete"
        confirmTestId="go"
        run={run}
        onClose={onClose}
      />
    </I18nextProvider>,
  );
  return onClose;
}

describe('danger confirmation', () => {
  it('runs nothing on Cancel and closes without an answer', () => {
    const run = vi.fn(async (): Promise<Answer> => ({ ok: true, value: 1 }));
    const onClose = show(run);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(run).not.toHaveBeenCalled();
    expect(onClose).toHaveBeenCalledWith();
  });

  it('closes with what the action answered once it succeeded', async () => {
    const onClose = show(async () => ({ ok: true, value: 2 }));
    await act(async () => {
      fireEvent.click(screen.getByTestId('go'));
    });
    expect(onClose).toHaveBeenCalledWith({ value: 2 });
  });

  it('keeps the dialog open with the error when the action failed', async () => {
    const onClose = show(async () => ({ ok: false, error: { code: 'INTERNAL', message: 'It broke.' } }));
    await act(async () => {
      fireEvent.click(screen.getByTestId('go'));
    });
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog').textContent).toContain('It cannot be undone.');
    expect(screen.getByRole('alert').textContent).toContain('INTERNAL');
    expect((screen.getByTestId('go') as HTMLButtonElement).disabled).toBe(false);
  });
});
