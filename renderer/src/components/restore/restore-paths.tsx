/**
 * The dialog's first question: restore into a new instance (recommended, the default; the source is left as
 * it is) or overwrite this instance. A legacy v2 profile cannot clone (CloneInstances is an API 3.0 action),
 * so there the first way is shown, disabled, with the reason.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RestorePath } from '../../store/restore-slice';

interface Props {
  value: RestorePath;
  onChange: (path: RestorePath) => void;
  /** Why the new-instance path is not offered, if it is not. */
  cloneUnavailable?: 'legacy';
  disabled?: boolean;
}

export function RestorePaths({ value, onChange, cloneUnavailable, disabled }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const options: Array<{ path: RestorePath; off: boolean }> = [
    { path: 'clone', off: cloneUnavailable !== undefined },
    { path: 'overwrite', off: false },
  ];
  return (
    <fieldset className="restore-paths" data-testid="restore-paths" disabled={disabled}>
      <legend className="sr-only">{t('clonePaths.legend')}</legend>
      {options.map(({ path, off }) => (
        <label
          key={path}
          className={`path-option path-${path}${value === path ? ' path-chosen' : ''}${off ? ' path-off' : ''}`}
        >
          <input
            type="radio"
            name={`${id}-path`}
            value={path}
            checked={value === path}
            disabled={off}
            onChange={() => onChange(path)}
            aria-describedby={`${id}-${path}-what`}
            data-testid={`path-${path}`}
          />
          <span className="path-text">
            <strong>{t(`clonePaths.${path}.title`)}</strong>
            <span id={`${id}-${path}-what`} className="small">
              {t(`clonePaths.${path}.what`)}
              {off && cloneUnavailable && (
                <span className="path-reason"> {t(`clonePaths.unavailable.${cloneUnavailable}`)}</span>
              )}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
