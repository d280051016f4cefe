/**
 * The equivalent tccli command (shared/tccli.ts) with a copy button, folded by default: a DBA who wants to
 * reproduce or document what the app did opens it. A legacy v2 profile has no equivalent, and says so.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_VARIABLE, type TccliCall, tccliCommand } from '../../../../shared/tccli';

export function TccliCommand({ call, testId }: { call: TccliCall; testId?: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const command = tccliCommand(call);
  return (
    <details className="tccli" data-testid={testId}>
      <summary>{t('tccli.title')}</summary>
      {command === undefined ? (
        <p className="muted small">{t('tccli.legacy')}</p>
      ) : (
        <>
          <pre className="mono tccli-command" data-testid={testId ? `${testId}-text` : undefined}>
            {command}
          </pre>
          <div className="tccli-actions">
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                void navigator.clipboard?.writeText(command).then(
                  () => setCopied(true),
                  () => setCopied(false),
                );
              }}
            >
              {copied ? t('tccli.copied') : t('tccli.copy')}
            </button>
            {call.password && (
              <span className="muted small">{t('tccli.passwordHint', { variable: PASSWORD_VARIABLE })}</span>
            )}
          </div>
        </>
      )}
    </details>
  );
}
