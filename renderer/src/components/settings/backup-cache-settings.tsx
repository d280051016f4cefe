/**
 * Settings → Backup downloads: where downloaded backups live (a private folder, never sent anywhere), the
 * cache's size cap (`backupCacheGb`, least recently used deleted first; lowering it deletes at once in main),
 * what it holds now, and deleting every downloaded backup after a confirmation.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackupCacheGbSchema, type BackupDownloadNetwork } from '../../../../shared/downloads';
import { formatBytes } from '../../lib/format';
import { useApp } from '../../store';
import { DangerConfirm } from '../common/danger-confirm';
import { ErrorBox } from '../common/error-box';

export function BackupCacheSettings() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const lang = i18n.language;
  const cap = useApp((s) => s.prefs?.backupCacheGb ?? 0);
  const network = useApp((s) => s.prefs?.backupDownloadNetwork ?? 'public');
  const update = useApp((s) => s.updatePrefs);
  const cache = useApp((s) => s.cache);
  const cacheError = useApp((s) => s.cacheError);
  const loadCache = useApp((s) => s.loadCache);
  const addToast = useApp((s) => s.addToast);
  const clearCache = useApp((s) => s.clearCache);
  const [text, setText] = useState(String(cap));
  const [invalid, setInvalid] = useState(false);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    void loadCache();
  }, [loadCache]);
  useEffect(() => setText(String(cap)), [cap]);

  // Saved on blur, like the other numbers here, so typing "1" on the way to "15" does not shrink the cache.
  const save = async () => {
    const value = Number(text);
    if (!BackupCacheGbSchema.safeParse(value).success) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    if (value === cap) return;
    // Main answers after evicting down to a lower cap: what the cache holds now is read after that.
    if (await update({ backupCacheGb: value })) await loadCache();
  };
  const count = cache?.entries.length ?? 0;
  const active = cache?.entries.some((e) => e.state === 'active') === true;
  // Backups in use are never evicted, so a lowered cap can be exceeded until they are done with.
  const over = cache !== undefined && cache.usedBytes > cache.capBytes;

  return (
    <section className="card form" aria-labelledby={`${id}-title`} data-testid="backup-cache-settings">
      <h3 id={`${id}-title`}>{t('backupCache.title')}</h3>
      <p className="muted small">{t('backupCache.privacy')}</p>
      <div className="field">
        <label htmlFor={`${id}-cap`}>{t('backupCache.cap')}</label>
        <input
          id={`${id}-cap`}
          type="number"
          min={1}
          max={10_000}
          step={1}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => void save()}
          onKeyDown={(e) => e.key === 'Enter' && void save()}
          aria-invalid={invalid || undefined}
          aria-describedby={`${id}-cap-hint`}
          data-testid="backup-cache-cap"
        />
        <p className="hint" id={`${id}-cap-hint`}>
          {invalid ? t('backupCache.capInvalid') : t('backupCache.capHelp')}
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-network`}>{t('backupCache.network')}</label>
        <select
          id={`${id}-network`}
          value={network}
          onChange={(e) => void update({ backupDownloadNetwork: e.target.value as BackupDownloadNetwork })}
          aria-describedby={`${id}-network-hint`}
        >
          <option value="public">{t('backupCache.networkPublic')}</option>
          <option value="inner">{t('backupCache.networkInner')}</option>
        </select>
        <p className="hint" id={`${id}-network-hint`}>
          {t('backupCache.networkHelp')}
        </p>
      </div>
      <p data-testid="backup-cache-usage">
        {count === 0
          ? t('backupCache.usageNone')
          : t('backupCache.usage', { used: formatBytes(cache?.usedBytes ?? 0, lang), count })}
      </p>
      {over && (
        <p className="hint" data-testid="backup-cache-over">
          {t('backupCache.overCap', { cap: formatBytes(cache.capBytes, lang) })}
        </p>
      )}
      {cacheError && <ErrorBox error={cacheError} onRetry={() => void loadCache()} />}
      <button
        type="button"
        className="btn btn-danger-outline"
        disabled={count === 0}
        onClick={() => setConfirming(true)}
        data-testid="backup-cache-clear"
      >
        {t('backupCache.clear')}
      </button>
      {active && <p className="hint">{t('backupCache.clearBusy')}</p>}
      {confirming && (
        <DangerConfirm
          title={t('backupCache.clearTitle')}
          body={t('backupCache.clearBody')}
          confirmLabel={t('backupCache.clearConfirm')}
          confirmTestId="backup-cache-clear-confirm"
          run={clearCache}
          onClose={(done) => {
            setConfirming(false);
            if (done) addToast({ level: 'success', titleKey: 'backupCache.cleared' });
          }}
        />
      )}
    </section>
  );
}
