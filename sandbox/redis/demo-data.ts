// --redis provisioning: starts a redis-server per running instance, writes recognisable data, and takes
// a real snapshot for every backup that can still be restored, oldest first, so each backup holds a
// distinct generation of data:
//   sandbox:instance = instance id, user:1..5 = fixed values,
//   gen:<k> = backup id of the k-th snapshot, sandbox:backup = id of the backup the data belongs to,
//   gen:live / sandbox:backup=live = written after the newest backup (gone after any restore).
import { InstanceStatus } from '../state/catalog.js';
import type { SandboxState } from '../state/store.js';
import type { InstanceRecord } from '../state/types.js';
import type { RedisManager } from './redis-manager.js';

async function provisionInstance(
  state: SandboxState,
  redis: RedisManager,
  instance: InstanceRecord,
): Promise<void> {
  await redis.start(instance);
  // The instance's address is now the local redis-server's.
  state.instancesChanged();
  await redis.command(instance.id, 'SET', 'sandbox:instance', instance.id);
  for (let n = 1; n <= 5; n++)
    await redis.command(instance.id, 'SET', `user:${n}`, `${instance.name}-user-${n}`);
  const backups = state
    .backupsOf(instance.id)
    .filter((b) => !b.deleted && b.expireMs > state.now())
    .sort((a, b) => a.startMs - b.startMs);
  let generation = 0;
  for (const backup of backups) {
    generation += 1;
    await redis.command(instance.id, 'SET', `gen:${generation}`, backup.id);
    await redis.command(instance.id, 'SET', 'sandbox:backup', backup.id);
    backup.rdbPath = await redis.snapshot(instance, backup.id);
  }
  await redis.command(instance.id, 'SET', 'gen:live', 'written after the newest backup');
  await redis.command(instance.id, 'SET', 'sandbox:backup', 'live');
}

export async function provisionRedis(state: SandboxState, redis: RedisManager): Promise<void> {
  const running = [...state.instances.values()].filter((i) => i.status === InstanceStatus.Running);
  await Promise.all(running.map((instance) => provisionInstance(state, redis, instance)));
}
