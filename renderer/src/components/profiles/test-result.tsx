/** The answer of a connection test: latency and instance count, or the catalog's explanation. */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import type { ConnectionTest } from '../../store/profiles-slice';
import type { UiError } from '../../store/types';
import { ErrorBox } from '../common/error-box';
import { StatusChip } from '../common/status-chip';

export function TestResult({ result, error }: { result?: ConnectionTest; error?: UiError }) {
  const { t, i18n } = useTranslation();
  if (error) return <ErrorBox error={error} title={t('profileForm.testFailed')} />;
  if (!result) return null;
  if (!result.ok) {
    return (
      <ErrorBox
        error={{
          code: result.errorCode ?? 'CLOUD_ERROR',
          message: result.message,
          ...(result.cloudCode ? { cloudCode: result.cloudCode } : {}),
          ...(result.requestId ? { requestId: result.requestId } : {}),
        }}
        title={t('profileForm.testFailed')}
      />
    );
  }
  const values = {
    region: result.region,
    ms: Math.round(result.latencyMs),
    count: formatNumber(result.instanceCount ?? 0, i18n.language),
  };
  return (
    <p role="status" className="test-ok">
      <StatusChip tone="ok">
        {result.instanceCount === undefined
          ? t('profileForm.testOk', values)
          : t('profileForm.testOkCount', values)}
      </StatusChip>
    </p>
  );
}
