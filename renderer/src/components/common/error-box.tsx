/**
 * An API error as the catalog tells it: what happened, what to do next, and the code for support. A cloud
 * error also names the cloud's own code and its RequestId, with a copy button: Tencent support asks for the
 * RequestId to find the call ("定位问题时需要提供该次请求的 RequestId", the RequestId field of every action's
 * Response model in tencentcloud-sdk-nodejs redis_models.d.ts; a request that never reached the server has
 * none, and then no line is shown).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../lib/error-text';
import type { UiError } from '../../store/types';

export function ErrorBox({
  error,
  title,
  onRetry,
}: {
  error: UiError;
  title?: string;
  onRetry?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const text = errorText(error, i18n.language);
  return (
    <div role="alert" className="banner banner-error error-box">
      {title && <strong className="error-title">{title}</strong>}
      <p className="error-message">{text.message}</p>
      {text.next && <p className="error-next">{t('common.next', { text: text.next })}</p>}
      <p className="error-code">
        {t('common.errorCode', { code: error.code })}
        {error.cloudCode && !text.detail?.includes(error.cloudCode)
          ? ` · ${t('errorBox.cloudCode', { code: error.cloudCode })}`
          : ''}
        {text.detail ? ` · ${t('errorBox.original', { text: text.detail })}` : ''}
      </p>
      {error.requestId && <RequestIdLine requestId={error.requestId} />}
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** A cloud RequestId with a copy button; also used where a failure is shown without an error box. */
export function RequestIdLine({ requestId, region }: { requestId: string; region?: string }) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <p className="error-request-id">
      {region ? t('errorBox.requestIdFor', { region }) : t('errorBox.requestId')}{' '}
      <code className="mono" data-testid="error-request-id">
        {requestId}
      </code>{' '}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => {
          const clipboard = navigator.clipboard;
          if (!clipboard) {
            setCopy('failed');
            return;
          }
          void clipboard.writeText(requestId).then(
            () => setCopy('copied'),
            () => setCopy('failed'),
          );
        }}
      >
        {copy === 'copied'
          ? t('errorBox.copied')
          : copy === 'failed'
            ? t('errorBox.copyFailed')
            : t('errorBox.copyRequestId')}
      </button>
    </p>
  );
}
