/** The report's tables: types with estimated memory, the biggest keys, shards, databases and encodings. */
import { useTranslation } from 'react-i18next';
import { type InspectionReport, redisTypes } from '../../../../shared/inspector';
import { formatBytes, formatNumber } from '../../lib/format';
import { shownKey } from '../../lib/visible-text';
import { formatTtl } from './format-ttl';

export function ReportTables({ report: r }: { report: InspectionReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const b = (v: number) => formatBytes(v, lang);
  const ttl = (expireAtMs: number | null) => {
    if (expireAtMs === null) return t('report.noTtl');
    const left = expireAtMs - r.referenceMs;
    return left <= 0 ? t('report.ttl.expired') : formatTtl(left, lang);
  };
  const dbs = Object.entries(r.databases).sort(([a], [z]) => Number(a) - Number(z));

  return (
    <div className="report-tables">
      <section className="card" aria-labelledby="types-table-title">
        <h3 id="types-table-title">{t('report.typesTable')}</h3>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('report.type')}</th>
              <th scope="col" className="num">
                {t('report.count')}
              </th>
              <th scope="col" className="num">
                {t('report.elements')}
              </th>
              <th scope="col" className="num">
                {t('report.bytes')}
              </th>
              <th scope="col" className="num">
                {t('report.estimate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {redisTypes.map((type) => {
              const line = r.types[type];
              if (!line || line.keys === 0) return null;
              return (
                <tr key={type}>
                  <th scope="row" className="mono">
                    {type}
                  </th>
                  <td className="num">{n(line.keys)}</td>
                  <td className="num">{n(line.elements)}</td>
                  <td className="num">{b(line.bytes)}</td>
                  <td className="num">{b(line.estimatedMemory)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="muted small">{t('report.estimateNote')}</p>
      </section>

      <section className="card report-wide" aria-labelledby="big-keys-title">
        <h3 id="big-keys-title">{t('report.bigKeysTitle')}</h3>
        <div className="table-scroll">
          <table className="table" data-testid="big-keys">
            <thead>
              <tr>
                <th scope="col">{t('report.key')}</th>
                <th scope="col" className="num">
                  {t('report.db')}
                </th>
                <th scope="col">{t('report.type')}</th>
                <th scope="col">{t('report.encoding')}</th>
                <th scope="col" className="num">
                  {t('report.elements')}
                </th>
                <th scope="col" className="num">
                  {t('report.bytes')}
                </th>
                <th scope="col">{t('report.ttlColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {r.bigKeys.map((k) => (
                <tr key={`${k.db}\u0000${k.key}`}>
                  <th scope="row" className="mono key-cell">
                    {shownKey(k.key)}
                  </th>
                  <td className="num">{k.db}</td>
                  <td className="mono">{k.type}</td>
                  <td className="mono">{k.encoding}</td>
                  <td className="num">{n(k.elements)}</td>
                  <td className="num">{b(k.bytes)}</td>
                  <td>{ttl(k.expireAtMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="shards-title">
        <h3 id="shards-title">{t('report.shardsTitle')}</h3>
        <div className="table-scroll">
          <table className="table" data-testid="shards">
            <thead>
              <tr>
                <th scope="col">{t('report.file')}</th>
                <th scope="col" className="num">
                  {t('report.count')}
                </th>
                <th scope="col" className="num">
                  {t('report.expires')}
                </th>
                <th scope="col" className="num">
                  {t('report.bytes')}
                </th>
                <th scope="col" className="num">
                  {t('report.rdbVersion')}
                </th>
                <th scope="col">{t('report.redisVersion')}</th>
                <th scope="col">{t('report.checksum')}</th>
              </tr>
            </thead>
            <tbody>
              {r.shards.map((s) => (
                <tr key={s.file}>
                  <th scope="row" className="mono key-cell">
                    {shownKey(s.file)}
                  </th>
                  <td className="num">{n(s.keys)}</td>
                  <td className="num">{n(s.expires)}</td>
                  <td className="num">{b(s.bytes)}</td>
                  <td className="num">{s.rdbVersion}</td>
                  <td>{s.redisVersion ?? '—'}</td>
                  <td>
                    {s.checksum === 'ok'
                      ? t('report.checksumOk')
                      : s.checksum === 'disabled'
                        ? t('report.checksumDisabled')
                        : t('report.checksumAbsent')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="dbs-title">
        <h3 id="dbs-title">{t('report.databasesTitle')}</h3>
        <table className="table" data-testid="databases">
          <thead>
            <tr>
              <th scope="col">{t('report.db')}</th>
              <th scope="col" className="num">
                {t('report.count')}
              </th>
              <th scope="col" className="num">
                {t('report.expires')}
              </th>
              <th scope="col" className="num">
                {t('report.expired')}
              </th>
              <th scope="col" className="num">
                {t('report.bytes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {dbs.map(([db, line]) => (
              <tr key={db}>
                <th scope="row">{db}</th>
                <td className="num">{n(line.keys)}</td>
                <td className="num">{n(line.expires)}</td>
                <td className="num">{n(line.alreadyExpired)}</td>
                <td className="num">{b(line.bytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="encodings-title">
        <h3 id="encodings-title">{t('report.encodingsTitle')}</h3>
        <table className="table" data-testid="encodings">
          <thead>
            <tr>
              <th scope="col">{t('report.type')}</th>
              <th scope="col">{t('report.encoding')}</th>
              <th scope="col" className="num">
                {t('report.count')}
              </th>
              <th scope="col" className="num">
                {t('report.bytes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.encodings.map((e) => (
              <tr key={`${e.type}/${e.encoding}`}>
                <td className="mono">{e.type}</td>
                <td className="mono">{e.encoding}</td>
                <td className="num">{n(e.keys)}</td>
                <td className="num">{b(e.bytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
