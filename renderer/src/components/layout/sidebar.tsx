/** Left navigation and the profile switcher. */
import { useTranslation } from 'react-i18next';
import { isInsecureEndpoint } from '../../../../shared/profiles';
import { href, type Route } from '../../lib/route';
import { useApp } from '../../store';
import { selectActiveProfile, selectRunningCount } from '../../store/selectors';
import { useShallowProfiles } from './use-profiles';

const items = ['fleet', 'tasks', 'audit', 'settings'] as const;

export function Sidebar({ route }: { route: Route }) {
  const { t } = useTranslation();
  const running = useApp(selectRunningCount);
  const profiles = useShallowProfiles();
  const active = useApp(selectActiveProfile);
  const selectProfile = useApp((s) => s.selectProfile);
  const current = route.name === 'instance' || route.name === 'inspect' ? 'fleet' : route.name;

  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      {profiles.length > 0 && (
        <div className="profile-switcher">
          <label htmlFor="profile-select">{t('nav.profile')}</label>
          <select
            id="profile-select"
            value={active?.id ?? ''}
            onChange={(e) => {
              selectProfile(e.target.value);
              window.location.hash = href({ name: 'fleet' });
            }}
          >
            {profiles.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {active && (
            <span className={`env-tag env-${active.environment}`}>{t(`env.${active.environment}`)}</span>
          )}
          {active && isInsecureEndpoint(active.endpoint) && (
            <span className="badge-warning" title={t('profileForm.insecureWarning')}>
              {t('profileForm.insecureBadge')}
            </span>
          )}
        </div>
      )}
      <ul className="nav-list">
        {items.map((item) => (
          <li key={item}>
            <a
              href={href({ name: item })}
              className="nav-link"
              aria-current={current === item ? 'page' : undefined}
            >
              <span>{t(`nav.${item}`)}</span>
              {item === 'tasks' && running > 0 && (
                <span className="nav-badge">{t('nav.running', { count: running })}</span>
              )}
            </a>
          </li>
        ))}
      </ul>
      <a className="nav-link nav-add" href={href({ name: 'add-profile' })}>
        {t('nav.addProfile')}
      </a>
    </nav>
  );
}
