// Runs the diff worker from its TypeScript source (tsx, vitest, `npm run inspect`): the bundled app and the
// benchmark load the built inspect-diff-worker.js instead (diff-threads.ts).
import { register } from 'tsx/esm/api';

register();
await import('./diff-worker.ts');
