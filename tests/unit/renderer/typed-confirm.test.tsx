/**
 * The typed confirmation field shared by the restore and clone dialogs: the name to type is in the label, a
 * mismatch is marked invalid only once something is typed, and a production profile adds its warning.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { TypedConfirm } from '../../../renderer/src/components/restore/typed-confirm';
import { createI18n } from '../../../renderer/src/i18n';

afterEach(cleanup);

function show(typed: string, production = false) {
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <TypedConfirm
        id="t"
        label="Type to confirm"
        expected="orders"
        typed={typed}
        setTyped={() => undefined}
        production={production}
        testId="typed"
      />
    </I18nextProvider>,
  );
  return screen.getByTestId('typed');
}

describe('typed confirmation', () => {
  it('is labelled with the name to type', () => {
    show('');
    expect(screen.getByLabelText(/Type to confirm/).getAttribute('id')).toBe('t');
    expect(screen.getByText('orders').tagName).toBe('STRONG');
  });

  it('marks a mismatch invalid only once something is typed', () => {
    expect(show('').getAttribute('aria-invalid')).toBeNull();
    cleanup();
    expect(show('order').getAttribute('aria-invalid')).toBe('true');
    cleanup();
    expect(show('orders').getAttribute('aria-invalid')).toBeNull();
  });

  it('adds the production warning only on a production profile', () => {
    show('', false);
    expect(document.querySelector('.hint')).toBeNull();
    cleanup();
    show('', true);
    expect(document.querySelector('.hint')?.textContent).toBeTruthy();
  });
});
