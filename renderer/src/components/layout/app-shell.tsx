/** The ready app: header, sidebar navigation, notices, the routed screen, and toasts. */
import { useTranslation } from 'react-i18next';
import { useRoute } from '../../lib/route';
import { useApp } from '../../store';
import { AuditView } from '../audit/audit-view';
import { FirstRun } from '../first-run/first-run';
import { FleetView } from '../fleet/fleet-view';
import { InspectView } from '../inspect/inspect-view';
import { InstanceView } from '../instance/instance-view';
import { AddProfilePage } from '../profiles/add-profile-page';
import { RestoreDialog } from '../restore/restore-dialog';
import { SettingsView } from '../settings/settings-view';
import { TasksView } from '../tasks/tasks-view';
import { NoticeBanners } from './notice-banners';
import { Sidebar } from './sidebar';
import { Toasts } from './toasts';

export function AppShell() {
  const { t } = useTranslation();
  const shell = useApp((s) => s.info?.shell);
  const hasProfiles = useApp((s) => s.profiles.length > 0);
  const profilesLoading = useApp((s) => s.profilesStatus === 'loading' || s.profilesStatus === 'idle');
  const restoreOpen = useApp((s) => s.restore !== undefined);
  const route = useRoute();

  const screen = () => {
    switch (route.name) {
      case 'tasks':
        return <TasksView />;
      case 'audit':
        return <AuditView />;
      case 'settings':
        return <SettingsView />;
      case 'add-profile':
        return <AddProfilePage />;
      default:
        if (!hasProfiles) return profilesLoading ? <p role="status">{t('common.loading')}</p> : <FirstRun />;
        if (route.name === 'inspect') {
          return (
            <InspectView region={route.region} id={route.id} backupId={route.backupId} view={route.view} />
          );
        }
        return route.name === 'instance' ? (
          <InstanceView region={route.region} id={route.id} />
        ) : (
          <FleetView />
        );
    }
  };

  return (
    <>
      <div className="app-frame" data-modal-inert>
        <button type="button" className="skip-link" onClick={focusMain}>
          {t('app.skip')}
        </button>
        <header className="app-header">
          <h1>{t('app.title')}</h1>
          <span className="shell-badge">
            {shell === 'electron' ? t('app.shellElectron') : t('app.shellBrowser')}
          </span>
        </header>
        <div className="app-body">
          <Sidebar route={route} />
          <main id="main" className="app-main" tabIndex={-1}>
            <NoticeBanners />
            {screen()}
          </main>
        </div>
      </div>
      {restoreOpen && <RestoreDialog />}
      <Toasts />
    </>
  );
}

/** A button, not `<a href="#main">`: the hash is the route and must not change. */
function focusMain() {
  document.getElementById('main')?.focus();
}
