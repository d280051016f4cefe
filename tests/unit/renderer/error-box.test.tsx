/**
 * Errors a DBA can act on: a cloud error's own code and RequestId survive the envelope → store step, and the
 * error box shows the RequestId with a copy button that copies exactly it.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBox } from '../../../renderer/src/components/common/error-box';
import { createI18n } from '../../../renderer/src/i18n';
import { call, type UiError } from '../../../renderer/src/store/types';
import { fail } from '../../../shared/result';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const requestId = '6e5f2a3b-1c2d-4e5f-8a9b-0c1d2e3f4a5b';

function show(error: UiError, language: 'en' | 'zh-CN' = 'en') {
  return render(
    <I18nextProvider i18n={createI18n(language)}>
      <ErrorBox error={error} />
    </I18nextProvider>,
  );
}

describe('cloud error facts', () => {
  it('keeps the cloud code and RequestId from the envelope details', async () => {
    const result = await call(async () =>
      fail('AUTH_FAILED', 'AuthFailure.SignatureFailure: bad', {
        cloudCode: 'AuthFailure.SignatureFailure',
        requestId,
        region: 'ap-guangzhou',
      }),
    );
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'AUTH_FAILED',
        message: 'AuthFailure.SignatureFailure: bad',
        cloudCode: 'AuthFailure.SignatureFailure',
        requestId,
      },
    });
  });

  it('drops a RequestId that is not a short printable string', async () => {
    const result = await call(async () =>
      fail('AUTH_FAILED', 'x', { requestId: 'a b\nc', cloudCode: 42 as unknown as string }),
    );
    expect(result).toEqual({ ok: false, error: { code: 'AUTH_FAILED', message: 'x' } });
  });
});

describe('error box', () => {
  it('shows the RequestId and copies exactly it', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    show({ code: 'AUTH_FAILED', message: 'm', cloudCode: 'AuthFailure.SignatureFailure', requestId });
    expect(screen.getByTestId('error-request-id').textContent).toBe(requestId);
    expect(screen.getByRole('alert').textContent).toContain('cloud code AuthFailure.SignatureFailure');
    fireEvent.click(screen.getByRole('button', { name: 'Copy RequestId' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Copied' })).toBeTruthy());
    expect(writeText).toHaveBeenCalledWith(requestId);
  });

  it('says so when the clipboard refuses, and names the RequestId in Chinese too', async () => {
    const writeText = vi.fn(async () => {
      throw new Error('denied');
    });
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    show({ code: 'AUTH_FAILED', message: 'AuthFailure.SignatureFailure: bad', requestId }, 'zh-CN');
    // The cloud's English text is labelled as untranslated in the Chinese UI.
    expect(screen.getByRole('alert').textContent).toContain(
      '原文（未翻译）：AuthFailure.SignatureFailure: bad',
    );
    fireEvent.click(screen.getByRole('button', { name: '复制 RequestId' }));
    await waitFor(() => expect(screen.getByRole('button', { name: /复制失败/ })).toBeTruthy());
  });

  it('shows no RequestId line for an error without one', () => {
    show({ code: 'NETWORK', message: 'm' });
    expect(screen.queryByTestId('error-request-id')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Copy RequestId' })).toBeNull();
  });
});

describe('fleet region failures', () => {
  it('shows the RequestId of a failed region, named by its region', async () => {
    const { App } = await import('../../../renderer/src/app');
    const { fakeCore, instance, snapshot } = await import('./fixtures/sample');
    const { ok } = await import('../../../shared/result');
    const fake = fakeCore({
      overrides: {
        'fleet:refresh': () =>
          ok(
            snapshot([instance()], {
              regions: [
                { region: 'ap-guangzhou', loaded: 1, state: 'done' },
                {
                  region: 'ap-shanghai',
                  loaded: 0,
                  state: 'failed',
                  errorCode: 'AUTH_FAILED',
                  errorMessage: 'AuthFailure.SignatureFailure: bad',
                  requestId,
                },
              ],
            }),
          ),
      },
    });
    render(<App resolution={{ api: fake.api }} />);
    const id = await screen.findByTestId('error-request-id');
    expect(id.textContent).toBe(requestId);
    expect(id.parentElement?.textContent).toContain('RequestId (ap-shanghai):');
  });
});

describe('connection test result', () => {
  it('shows the RequestId of a refused test', async () => {
    const { TestResult } = await import('../../../renderer/src/components/profiles/test-result');
    render(
      <I18nextProvider i18n={createI18n('en')}>
        <TestResult
          result={{
            ok: false,
            region: 'ap-guangzhou',
            latencyMs: 12,
            errorCode: 'AUTH_FAILED',
            cloudCode: 'AuthFailure.SignatureFailure',
            requestId,
            message: 'AuthFailure.SignatureFailure: bad',
          }}
        />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('error-request-id').textContent).toBe(requestId);
  });
});
