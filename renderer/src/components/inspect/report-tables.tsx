/** The report's tables: types with estimated memory, the biggest keys, shards, databases and encodings. */
import { useTranslation } from 'react-i18next';
import { type InspectionReport, redisTypes } from '../../../../shared/inspector';
import { formatBytes, formatNumber } from '../../lib/format';
import { formatTtl } from './format-ttl';
import { KeyCell, TableHead } from './report-table';

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
          <TableHead
            columns={[
              { label: t('report.type') },
              { label: t('report.count'), num: true },
              { label: t('report.elements'), num: true },
              { label: t('report.bytes'), num: true },
              { label: t('report.estimate'), num: true },
            ]}
          />
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
            <TableHead
              columns={[
                { label: t('report.key') },
                { label: t('report.db'), num: true },
                { label: t('report.type') },
                { label: t('report.encoding') },
                { label: t('report.elements'), num: true },
                { label: t('report.bytes'), num: true },
                { label: t('report.ttlColumn') },
              ]}
            />
            <tbody>
              {r.bigKeys.map((k) => (
                <tr key={`${k.db}\u0000${k.key}`}>
                  <KeyCell name={k.key} />
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
            <TableHead
              columns={[
                { label: t('report.file') },
                { label: t('report.count'), num: true },
                { label: t('report.expires'), num: true },
                { label: t('report.bytes'), num: true },
                { label: t('report.rdbVersion'), num: true },
                { label: t('report.redisVersion') },
                { label: t('report.checksum') },
              ]}
            />
            <tbody>
              {r.shards.map((s) => (
                <tr key={s.file}>
                  <KeyCell name={s.file} />
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
          <TableHead
            columns={[
              { label: t('report.db') },
              { label: t('report.count'), num: true },
              { label: t('report.expires'), num: true },
              { label: t('report.expired'), num: true },
              { label: t('report.bytes'), num: true },
            ]}
          />
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
          <TableHead
            columns={[
              { label: t('report.type') },
              { label: t('report.encoding') },
              { label: t('report.count'), num: true },
              { label: t('report.bytes'), num: true },
            ]}
          />
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
