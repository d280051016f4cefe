/**
 * The field where the user types a name to confirm a restore or a clone: the text to type is shown in the
 * label, a mismatch is marked invalid once something is typed, and a production profile adds its warning.
 */
import { useTranslation } from 'react-i18next';

export function TypedConfirm({
  id,
  label,
  expected,
  typed,
  setTyped,
  production,
  testId,
}: {
  id: string;
  label: string;
  expected: string;
  typed: string;
  setTyped: (value: string) => void;
  production: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="field confirm-field">
      <label htmlFor={id}>
        {label}
        <strong className="mono confirm-text">{expected}</strong>
      </label>
      <input
        id={id}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={typed !== '' && typed !== expected ? true : undefined}
        data-testid={testId}
      />
      {production && <p className="hint">{t('restore.productionNote')}</p>}
    </div>
  );
}
