/**
 * A dialog asking to confirm an action that cannot be undone: Cancel, or the danger button that runs it. While
 * it runs the dialog cannot be closed (closing would hide the outcome); a failure stays in the dialog, with
 * nothing closed or lost, and success closes it with what the action answered.
 */
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiError } from '../../store/types';
import { ErrorBox } from './error-box';
import { Modal } from './modal';

export interface DangerConfirmProps<T> {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  run: () => Promise<{ ok: true; value?: T } | { ok: false; error: UiError }>;
  /** Called without a value when the user cancels, with the action's answer once it succeeded. */
  onClose: (done?: { value: T | undefined }) => void;
  confirmTestId?: string;
}

export function DangerConfirm<T>({
  title,
  body,
  confirmLabel,
  run,
  onClose,
  confirmTestId,
}: DangerConfirmProps<T>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError>();
  const confirm = async () => {
    setBusy(true);
    const result = await run();
    setBusy(false);
    if (result.ok) onClose({ value: result.value });
    else setError(result.error);
  };
  return (
    <Modal
      title={title}
      onClose={() => onClose()}
      closable={!busy}
      tone="danger"
      footer={
        <>
          <span className="spacer" />
          <button type="button" className="btn" onClick={() => onClose()} disabled={busy}>
            {t('restore.cancel')}
          </button>
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => void confirm()}
            disabled={busy}
            data-testid={confirmTestId}
          >
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{body}</p>
      {error && <ErrorBox error={error} />}
    </Modal>
  );
}
