/**
 * English for the restore flow: the dialog, its checks, the restore as a task, the way back, the equivalent
 * tccli command and the keys a restore waits on. Kept apart from the other screens' strings, which it outgrew.
 */
export const restoreTextEn = {
  tccli: {
    title: 'Equivalent tccli command',
    copy: 'Copy command',
    copied: 'Copied',
    legacy: 'tccli speaks API 3.0 only: the legacy v2 API this profile uses has no equivalent command.',
    passwordHint:
      'The password is not in the command: set {{variable}} first (for example with read -rs {{variable}}).',
  },
  restore: {
    title: 'Restore instance from backup',
    instance: 'Instance',
    backup: 'Backup',
    profile: 'Profile',
    consequences: 'What this restore does',
    dataLost: 'Data written to this instance after the backup was taken will be lost.',
    capacity:
      'If this instance was ever scaled down, its memory must exceed the backup’s data or the restore fails (Tencent’s restore page). The app cannot check this: the backup list marks its size as internal.',
    interrupted: 'The instance’s service is interrupted while the restore runs.',
    inPlace:
      'Tencent documents that {{engine}} restores in place: the current data is overwritten and cannot be recovered.',
    cloneSwap:
      'Tencent documents that {{engine}} restores into a clone of the instance and that swapping the addresses back rolls back; the same page also warns that existing data is overwritten and cannot be recovered, and does not say how long a swap back stays possible. Plan as if there were no way back.',
    assumedWorst:
      'Tencent documents no restore behaviour for {{engine}}, so assume the worst: the current data is overwritten in place and cannot be recovered.',
    engineUnknown: 'this engine',
    preflight: 'Checks',
    preflightRunning: 'Running checks…',
    preflightFailed: 'The checks could not be run',
    rerun: 'Run checks again',
    passwordLabel: 'Instance password',
    passwordHint: 'The password set at purchase (or last reset), not “instanceId:password”.',
    noPassword: 'This instance is password-free: no password is needed.',
    useSaved: 'Use the password saved in the keychain',
    forgetSaved: 'Forget the saved password',
    remember: 'Remember this password in the keychain for this instance',
    rememberSession: 'Remember this password for this session',
    safetyBackup: 'Take a manual backup of the current data first (safety backup)',
    typeToConfirm: 'To confirm, type the instance name: ',
    typeLabel: 'Instance name to confirm',
    typedMismatch: 'The text does not match yet.',
    productionNote: 'Production profile: typed confirmation is always required.',
    cancel: 'Cancel',
    submit: 'Restore',
    submitting: 'Sending restore…',
    whyDisabled: 'Restore is enabled when:',
    gate: {
      preflight: 'every check has passed',
      password: 'the instance password is entered',
      typed: 'the instance name is typed exactly',
      stale: 'the fleet is live (not offline or stale)',
      unknown: 'the outcome of the previous request is known',
      incomplete: 'the cloud listed the instance and the backup with every field',
    },
    outcomeUnknown:
      'The restore request was sent but no answer came back. Do not send it again: the app is reconciling with the cloud. Follow it in Tasks.',
    started:
      'The restore is a task now: follow its safety backup, the request and the cloud’s answer in Tasks.',
    earlierUnknown:
      'An earlier restore of this instance (started {{time}}) ended with its outcome unknown: it may have run. Check the instance and its tasks in the console before restoring again.',
    failedTitle: 'The restore was not started',
  },
  check: {
    'endpoint-reachable': 'Endpoint reachable',
    'instance-found': 'Instance found',
    'instance-running': 'Instance running',
    'instance-unlocked': 'Instance not locked by another task',
    'no-active-restore': 'No other restore running on it',
    'backup-found': 'Backup found',
    'backup-belongs': 'Backup belongs to this instance',
    'backup-restorable': 'Backup restorable',
    passed: 'Passed',
    failed: 'Failed',
  },
  restoreFlow: {
    liveAt: 'Status read {{time}}',
    liveFailed: 'Could not read the instance again',
    running:
      'A restore of this instance is under way ({{phase}}). Restore stays disabled until it ends; meanwhile this page reads the instance and its backups again.',
    restoreDisabledRunning: 'A restore of this instance is under way: wait for it to end.',
    cancel: 'Cancel restore',
    cancelling: 'Cancelling…',
    cancelHint:
      'Nothing has been sent to the cloud yet. A safety backup already started goes on in the cloud and is kept.',
    cancelTooLate: 'Too late to cancel: the restore request was sent.',
    cancelEnded: 'This restore has already ended.',
    cancelNotFound: 'The app does not know this restore.',
    awaitingCloud: 'Waiting for the cloud — it may have started; the app will not send it again.',
    cloudCode: 'Cloud code {{code}}',
    requestId: 'request {{id}}',
    again: 'Restore again…',
    safetyProgress: 'Safety backup: {{status}}',
    safetyTask: 'backup task {{taskId}}',
    safetyId: 'backup {{id}}',
    safetyStatus: {
      starting: 'starting',
      running: 'running',
      succeed: 'done',
      failed: 'failed',
      error: 'error',
      'outcome-unknown': 'outcome unknown',
      cancelled: 'goes on in the cloud (restore cancelled)',
    },
    wayBack: {
      title: 'The way back',
      notSucceeded:
        'This restore did not end as succeeded; the app does not know how much of it took effect.',
      clone:
        'For {{engine}}, Tencent documents that a restore clones the instance and that the console lets you roll back by swapping the IP addresses of the clone and the original instance. The app does not do this swap: no official API found does exactly the swap-back of a restore.',
      cloneStep1: 'Open the CRS console’s instance list and find {{instanceId}} in {{region}}.',
      cloneStep2: 'Use the console’s rollback for this restore, which swaps the addresses back.',
      cloneStep3: 'Check the instance’s address and data before sending traffic to it again.',
      cloneDoc: 'Tencent’s restore documentation',
      inPlace: 'For {{engine}}, Tencent documents that a restore overwrites the data in place.',
      assumedWorst:
        'Tencent does not document what a restore does to {{engine}}, so the app assumes it overwrote the data in place.',
      fromSafety: 'Restore from safety backup {{id}}',
      safetyNoId:
        'A safety backup was taken (task {{taskId}}), but the app could not learn its id: restore the backup with the remark “{{remark}}” from this instance’s backups.',
      none: 'No safety backup was taken before this restore, so the app knows no way back. Older backups of the instance are listed on its page.',
    },
  },
  keysNeeded: {
    title: 'Restores are waiting for a SecretKey',
    body: 'Credentials are kept for the session only, so after the restart these profiles have no SecretKey. Their open restores are followed again as soon as it is entered.',
    label: 'SecretKey of {{name}}',
    save: 'Save for this session',
  },
} as const;
