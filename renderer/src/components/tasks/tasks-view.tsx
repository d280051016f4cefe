/** Every restore, running and past, across profiles. */
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store';
import { selectTaskList } from '../../store/selectors';
import { ErrorBox } from '../common/error-box';
import { TaskRows } from './task-rows';

export function TasksView() {
  const { t } = useTranslation();
  const tasks = useApp(selectTaskList);
  const status = useApp((s) => s.tasksStatus);
  const error = useApp((s) => s.tasksError);
  const reload = useApp((s) => s.loadTasks);
  return (
    <section className="page" aria-labelledby="tasks-title">
      <div className="page-head">
        <h2 id="tasks-title">{t('tasks.title')}</h2>
      </div>
      <p className="muted">{t('tasks.intro')}</p>
      {error && <ErrorBox error={error} onRetry={() => void reload()} />}
      {error && tasks.length > 0 && (
        <p className="banner banner-warn" data-testid="tasks-stale">
          {t('tasks.reloadFailed')}
        </p>
      )}
      {status === 'loading' && tasks.length === 0 && <p role="status">{t('common.loading')}</p>}
      {tasks.length === 0 && status !== 'loading' ? (
        <p className="empty">{t('tasks.empty')}</p>
      ) : (
        <TaskRows tasks={tasks} />
      )}
    </section>
  );
}
