/**
 * English for text the core sends as codes with values (task messages, notices, preflight check details),
 * kept apart from the screens' own strings: these follow the core's vocabulary, not a screen's layout.
 */
import { taskMessages } from '../../../shared/tasks';

const { error: _error, ...taskMessageEn } = taskMessages;

export const coreTextEn = {
  // The core's own task messages are written in English once, in shared/tasks.ts.
  taskMessage: taskMessageEn,
  noticeText: {
    'settings-moved':
      'The settings file could not be read ({{problem}}). It was moved aside to {{movedTo}} and the app started with default settings; keychain entries are untouched.',
    'profiles-hidden':
      '{{count}} saved profile(s) could not be read and are hidden; they are kept untouched in the settings file.',
    'cache-moved': 'A damaged cache file was moved aside to {{movedTo}}.',
    'clock-skew':
      'This computer’s clock is off by {{seconds}} s from the cloud’s; requests are now signed with the corrected time. Fix the system clock.',
    'session-only':
      'No OS keychain is available: credentials are kept for this session only and forgotten when the app quits.',
    'keys-needed': 'Enter the SecretKey of {{names}}: restores are waiting to be followed.',
    'sandbox-not-resumed':
      'The built-in sandbox could not be started again, so its profile cannot be reached; start it in Settings.',
    'journal-skipped':
      '{{count}} damaged line(s) in the restore journal were skipped (a crash mid-write); every other restore was kept.',
  },
  checkDetail: {
    requestId: '(RequestId {{requestId}})',
    ok: {
      'no-active-restore': 'Neither this app nor the cloud’s task list shows another restore of it running.',
      'endpoint-reachable': 'The CRS endpoint answered.',
      'instance-found': '{{name}} in {{region}}',
      'instance-running': 'Running.',
      'instance-unlocked': 'No task holds the instance.',
      'backup-found': 'Started {{startTime}}.',
      'backup-belongs': 'The backup was taken from this instance.',
      'backup-restorable': 'Normal and unlocked.',
    },
    active: 'A restore of this instance started in this app is {{status}}; wait for it to end.',
    activeCloud:
      'The cloud lists a restore of this instance that is {{status}} since {{since}} (task {{task}}), started outside this app (the console, tccli or another machine); the task list does not say by whom. Wait for it to end.',
    sinceUnknown: 'an unknown time',
    taskUnknown: 'id not given',
    tasksUnreadable:
      'The instance’s task list could not be read ({{reason}}), so another restore may be running; the restore is refused until it can be checked.',
    instanceMissing: 'No instance {{instanceId}} in {{region}}.',
    backupMissing: 'No backup with this id anywhere in the instance’s retention.',
    status: 'The instance is {{status}}.',
    foreign: 'The backup is not among this instance’s backups.',
    notRestorable: 'Not restorable: {{reason}}.',
    incomplete:
      'The cloud’s listing of this instance lacks {{fields}}; it cannot be checked, so it is refused.',
  },
} as const;
