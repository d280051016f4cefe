/**
 * One key's value, read from the downloaded backup only when asked: the first 1 KB, rendered as text (never
 * HTML) with every hidden or control character escaped. Kept in this panel's state only: closing it (button
 * or Escape) drops the value; the caller puts focus back where it was asked for.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupRef } from '../../../../shared/downloads';
import type { KeyMatch, ValuePreview } from '../../../../shared/inspector';
import { shownKey, shownValue } from '../../../../shared/visible-text';
import { useApp } from '../../store';
import { refKey } from '../../store/inspect-slice';
import type { UiError } from '../../store/types';
import { ErrorBox } from '../common/error-box';

export function ValuePreviewPanel({
  match,
  backup,
  backupTime,
  onClose,
}: {
  match: KeyMatch;
  backup: BackupRef | undefined;
  backupTime: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const preview = useApp((s) => s.previewValue);
  const [value, setValue] = useState<ValuePreview>();
  const [error, setError] = useState<UiError>();
  const panel = useRef<HTMLElement>(null);
  const backupKey = backup ? refKey(backup) : '';

  // biome-ignore lint/correctness/useExhaustiveDependencies: read again only for another key or backup.
  useEffect(() => {
    panel.current?.focus();
    let live = true;
    if (backup) {
      void preview(backup, match.db, match.key).then((answer) => {
        if (!live) return;
        if (answer.ok) setValue(answer.value);
        else setError(answer.error);
      });
    }
    return () => {
      live = false;
      // The value goes with the panel.
      setValue(undefined);
    };
  }, [backupKey, match.db, match.key, preview]);

  return (
    <section
      ref={panel}
      className="value-preview"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
      data-testid="value-preview"
    >
      <h4 id={`${id}-title`}>{t('find.valueTitle', { key: shownKey(match.key), time: backupTime })}</h4>
      <p className="muted small">{t('find.valueNote')}</p>
      {error && <ErrorBox error={error} />}
      {!value && !error && <p role="status">{t('common.loading')}</p>}
      {value?.text !== undefined && <pre className="value-text mono">{shownValue(value.text)}</pre>}
      {value?.items && (
        <ol className="value-items mono">
          {value.items.map((item, i) => (
            // Items have no identity but their place: the list is shown once and never reordered.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            <li key={i}>{shownValue(item)}</li>
          ))}
        </ol>
      )}
      {value?.truncated && <p className="muted small">{t('find.valueTruncated')}</p>}
      <button type="button" className="btn" onClick={onClose} data-testid="close-value">
        {t('find.hideValue')}
      </button>
    </section>
  );
}
