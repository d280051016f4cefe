/** Restores of one instance, newest first, from the tasks slice. */
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store';
import { selectTaskList } from '../../store/selectors';
import { TaskRows } from '../tasks/task-rows';

export function InstanceTasks({ instanceId }: { instanceId: string }) {
  const { t } = useTranslation();
  const tasks = useApp(useShallow((s) => selectTaskList(s).filter((r) => r.instanceId === instanceId)));
  return (
    <section className="card" aria-labelledby="instance-tasks-title">
      <h3 id="instance-tasks-title">{t('instance.tasks')}</h3>
      {tasks.length === 0 ? (
        <p className="muted">{t('instance.noTasks')}</p>
      ) : (
        <TaskRows tasks={tasks} showInstance={false} />
      )}
    </section>
  );
}
