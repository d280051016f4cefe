/**
 * Add or edit a Tencent Cloud profile. A new profile is saved only after a successful connection test of
 * exactly what was typed (`profiles:test {draft}`: the secret is used once and forgotten by the core). It
 * only renders: the draft, validation, test and save come from `useProfileForm()` (use-profile-form.ts).
 */
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isInsecureEndpoint, type ProfileView } from '../../../../shared/profiles';
import { ErrorBox } from '../common/error-box';
import { type Draft, environments } from './profile-draft';
import { TestResult } from './test-result';
import { useProfileForm } from './use-profile-form';

interface Props {
  profile?: ProfileView;
  onDone: () => void;
  onCancel: () => void;
}

export function ProfileForm({ profile, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const {
    draft,
    change,
    touched,
    errors,
    regions,
    editing,
    tested,
    valid,
    test,
    runTest,
    saving,
    saveError,
    save,
    errorOf,
  } = useProfileForm(profile, onDone);

  const field = (key: keyof Draft, label: string, input: ReactNode, hint?: string) => {
    const error = errorOf(key);
    return (
      <div className="field">
        <label htmlFor={`${id}-${key}`}>{label}</label>
        {input}
        {hint && !error && (
          <p className="hint" id={`${id}-${key}-hint`}>
            {hint}
          </p>
        )}
        {error && (
          <p className="field-error" id={`${id}-${key}-error`}>
            {t(error)}
          </p>
        )}
      </div>
    );
  };
  const aria = (key: keyof Draft, hasHint = false) => ({
    id: `${id}-${key}`,
    'aria-invalid': touched && errors[key] ? true : undefined,
    'aria-describedby':
      touched && errors[key] ? `${id}-${key}-error` : hasHint ? `${id}-${key}-hint` : undefined,
  });

  return (
    <form
      className="form profile-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <div className="form-grid">
        {field(
          'name',
          t('profileForm.name'),
          <input
            {...aria('name')}
            value={draft.name}
            onChange={(e) => change('name', e.target.value)}
            autoComplete="off"
          />,
        )}
        {field(
          'environment',
          t('profileForm.environment'),
          <select
            {...aria('environment', true)}
            value={draft.environment}
            onChange={(e) => change('environment', e.target.value as Draft['environment'])}
          >
            {environments.map((env) => (
              <option key={env} value={env}>
                {t(`env.${env}`)}
              </option>
            ))}
          </select>,
          t('profileForm.environmentHint'),
        )}
        <fieldset className="field radio-row">
          <legend>{t('profileForm.generation')}</legend>
          {(['v3', 'legacy-v2'] as const).map((g) => (
            <label key={g} className="inline">
              <input
                type="radio"
                name={`${id}-generation`}
                value={g}
                checked={draft.generation === g}
                onChange={() => change('generation', g)}
              />
              {g === 'v3' ? t('profileForm.generationV3') : t('profileForm.generationLegacy')}
            </label>
          ))}
        </fieldset>
        {field(
          'secretId',
          t('profileForm.secretId'),
          <input
            {...aria('secretId')}
            value={draft.secretId}
            onChange={(e) => change('secretId', e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />,
        )}
        {field(
          'secretKey',
          editing ? t('profileForm.secretKeyKeep') : t('profileForm.secretKey'),
          <input
            {...aria('secretKey')}
            type="password"
            value={draft.secretKey}
            onChange={(e) => change('secretKey', e.target.value)}
            autoComplete="new-password"
          />,
        )}
        {field(
          'token',
          t('profileForm.token'),
          <input
            {...aria('token', true)}
            type="password"
            value={draft.token}
            onChange={(e) => change('token', e.target.value)}
            autoComplete="off"
          />,
          t('profileForm.tokenHint'),
        )}
        {field(
          'regions',
          t('profileForm.regions'),
          <input
            {...aria('regions', true)}
            value={draft.regions}
            onChange={(e) => change('regions', e.target.value)}
            spellCheck={false}
          />,
          t('profileForm.regionsHint'),
        )}
        {field(
          'defaultRegion',
          t('profileForm.defaultRegion'),
          <select
            {...aria('defaultRegion')}
            value={regions.includes(draft.defaultRegion) ? draft.defaultRegion : (regions[0] ?? '')}
            onChange={(e) => change('defaultRegion', e.target.value)}
          >
            {regions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>,
        )}
        {field(
          'endpoint',
          t('profileForm.endpoint'),
          <input
            {...aria('endpoint', true)}
            value={draft.endpoint}
            onChange={(e) => change('endpoint', e.target.value)}
            spellCheck={false}
            placeholder="https://redis.tencentcloudapi.com"
          />,
          t('profileForm.endpointHint'),
        )}
        {field(
          'requestTimeoutSeconds',
          t('profileForm.timeout'),
          <input
            {...aria('requestTimeoutSeconds')}
            type="number"
            min={3}
            max={300}
            value={draft.requestTimeoutSeconds}
            onChange={(e) => change('requestTimeoutSeconds', Number(e.target.value))}
          />,
        )}
        {isInsecureEndpoint(draft.endpoint) && (
          <div className="field">
            <p className="warning-text" role="note">
              <span className="badge badge-warning">{t('profileForm.insecureBadge')}</span>{' '}
              {t('profileForm.insecureWarning')}
            </p>
            <label className="inline">
              <input
                type="checkbox"
                data-testid="confirm-insecure"
                checked={draft.confirmInsecure}
                onChange={(e) => change('confirmInsecure', e.target.checked)}
                aria-invalid={touched && errors.confirmInsecure ? true : undefined}
              />
              {t('profileForm.insecureConfirm')}
            </label>
            {touched && errors.confirmInsecure && (
              <p className="field-error" role="alert">
                {t(errors.confirmInsecure)}
              </p>
            )}
          </div>
        )}
        {profile?.hasToken && (
          <label className="inline field">
            <input
              type="checkbox"
              checked={draft.clearToken}
              onChange={(e) => change('clearToken', e.target.checked)}
            />
            {t('profileForm.clearToken')}
          </label>
        )}
      </div>
      <TestResult result={test.result} error={test.error} />
      {saveError && <ErrorBox error={saveError} />}
      {!editing && !tested && touched && valid && <p className="hint">{t('profileForm.testFirst')}</p>}
      <div className="form-actions">
        <button type="button" className="btn" onClick={runTest} disabled={test.busy} aria-busy={test.busy}>
          {test.busy ? t('profileForm.testing') : t('profileForm.test')}
        </button>
        <span className="spacer" />
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('profileForm.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={saving || (!editing && !tested)}>
          {saving ? t('profileForm.saving') : t('profileForm.save')}
        </button>
      </div>
    </form>
  );
}
