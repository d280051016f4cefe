/**
 * Checked before electron-store or conf opens the settings file: a file that is not a JSON object (torn
 * write, hand edit gone wrong) is moved aside and reported, so the store starts clean and the user's old
 * file is still there to recover, never silently emptied.
 */
import type { Notice } from '../../../shared/ipc-contract';
import { readJsonFileSync } from '../storage/atomic-file';

export function checkSettingsFile(path: string, now: () => number = Date.now): Notice | undefined {
  const result = readJsonFileSync(
    path,
    (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new SyntaxError('not an object');
      return value;
    },
    now,
  );
  if (result.status !== 'corrupt') return undefined;
  return {
    level: 'warning',
    code: 'SETTINGS_INVALID',
    kind: 'settings-moved',
    params: { movedTo: result.movedTo, problem: result.problem },
    message: `The settings file could not be read (${result.problem}). It was moved aside to ${result.movedTo} and the app started with default settings; your profiles' keychain entries are untouched.`,
  };
}
