/**
 * The step before a report: download the backup's files into the private cache, with a progress bar (bytes,
 * rate, time left), Cancel, and errors that say what to do: an expired link gets a new one (main asks the
 * cloud again and resumes with HTTP Range), a VPC or IP restriction says where downloads are allowed.
 */
import { useTranslation } from 'react-i18next';
import type { BackupRef } from '../../../../shared/downloads';
import { formatBytes, formatDuration } from '../../lib/format';
import { useApp } from '../../store';
import { refKey } from '../../store/inspect-slice';
import type { UiError } from '../../store/types';
import { ErrorBox } from '../common/error-box';

/**
 * An expired link (BACKUP_LINK_EXPIRED: main asked for a new one once and that was refused too) gets a button
 * to ask again; every other error is the catalog's text with its next step (a VPC or IP restriction says where
 * downloads are allowed), and the download can be started again.
 */
export function downloadErrorKind(error: UiError): 'expired' | 'other' {
  return error.code === 'BACKUP_LINK_EXPIRED' ? 'expired' : 'other';
}

export function DownloadStep({ target, title }: { target: BackupRef; title?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const view = useApp((s) => s.downloads[refKey(target)]);
  const start = useApp((s) => s.startDownload);
  const cancel = useApp((s) => s.cancelDownload);
  const phase = view?.phase;
  const running = phase === 'starting' || phase === 'resolving' || phase === 'downloading';
  const p = view?.progress;
  const kind = view?.error ? downloadErrorKind(view.error) : undefined;

  return (
    <section className="card download-step" aria-labelledby="download-title" data-testid="download-step">
      <h3 id="download-title">{title ?? t('download.title')}</h3>
      <p className="muted">{t('download.intro')}</p>
      {running && (
        <div className="download-progress" data-testid="download-progress">
          {phase === 'downloading' && p ? (
            <>
              {p.fileCount > 1 && (
                <p className="small">{t('download.file', { index: p.fileIndex + 1, count: p.fileCount })}</p>
              )}
              <progress
                aria-label={t('download.progressLabel')}
                max={p.totalBytes ?? undefined}
                value={p.totalBytes ? p.bytes : undefined}
              />
              <p className="small" role="status">
                {[
                  p.totalBytes !== undefined
                    ? t('download.bytes', {
                        done: formatBytes(p.bytes, lang),
                        total: formatBytes(p.totalBytes, lang),
                      })
                    : t('download.bytesUnknownTotal', { done: formatBytes(p.bytes, lang) }),
                  t('download.rate', { rate: formatBytes(p.rateBytesPerSecond, lang) }),
                  p.secondsLeft !== undefined
                    ? t('download.left', { time: formatDuration(p.secondsLeft * 1000) })
                    : t('download.leftUnknown'),
                ].join(' · ')}
              </p>
              {p.encryption === 'decrypted' && <p className="muted small">{t('download.decrypting')}</p>}
              {p.encryption === 'unknown' && <p className="muted small">{t('download.encryptionUnknown')}</p>}
            </>
          ) : (
            <>
              <progress aria-label={t('download.progressLabel')} />
              <p className="small" role="status">
                {t('download.asking')}
              </p>
            </>
          )}
          <button
            type="button"
            className="btn"
            disabled={!view?.downloadId}
            onClick={() => void cancel(target)}
            data-testid="download-cancel"
          >
            {t('download.cancel')}
          </button>
        </div>
      )}
      {phase === 'cancelled' && (
        <p role="status" className="muted">
          {t('download.cancelled')}
        </p>
      )}
      {view?.error && <ErrorBox error={view.error} />}
      {kind === 'expired' && (
        <button type="button" className="btn btn-primary" onClick={() => void start(target)}>
          {t('download.newLink')}
        </button>
      )}
      {!running && kind !== 'expired' && (
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => void start(target)}
          data-testid="download-start"
        >
          {t('download.start')}
        </button>
      )}
    </section>
  );
}
