/** Catalog entries for failures the app itself detects: contract, sender, settings, restore safeguards. */
import type { CatalogEntry } from './errors';

export const appErrorEntries = {
  INVALID_REQUEST: {
    en: {
      message: 'The app sent a request that does not match its contract.',
      next: 'Nothing was changed. Reload the window; if it happens again, report it with the audit log.',
    },
    zh: {
      message: '应用发出的请求不符合接口约定。',
      next: '未做任何更改。请重新加载窗口；如再次出现，请附上审计日志报告问题。',
    },
  },
  UNKNOWN_CHANNEL: {
    en: {
      message: 'The app asked for an operation that does not exist.',
      next: 'Nothing was changed. Update the app or reload the window.',
    },
    zh: {
      message: '应用请求了不存在的操作。',
      next: '未做任何更改。请更新应用或重新加载窗口。',
    },
  },
  FORBIDDEN_SENDER: {
    en: {
      message: 'A request came from a page that is not part of the app and was refused.',
      next: 'Nothing was changed. Close any unexpected windows and restart the app.',
    },
    zh: {
      message: '来自非本应用页面的请求已被拒绝。',
      next: '未做任何更改。请关闭可疑窗口并重启应用。',
    },
  },
  INTERNAL: {
    en: {
      message: 'Something went wrong inside the app.',
      next: 'Nothing was sent to the cloud by this request. Try again; if it persists, restart the app.',
    },
    zh: {
      message: '应用内部出现错误。',
      next: '此请求未向云端发送任何内容。请重试；如持续出现，请重启应用。',
    },
  },
  SETTINGS_INVALID: {
    en: {
      message: 'The settings change was refused because a value is out of range.',
      next: 'Check the highlighted value and save again; your previous settings are unchanged.',
    },
    zh: {
      message: '设置中有超出范围的值，更改未保存。',
      next: '请检查标出的值后再次保存；原有设置未受影响。',
    },
  },

  PROFILE_NOT_FOUND: {
    en: {
      message: 'That profile no longer exists.',
      next: 'It may have been deleted in another window. Pick a profile from the list or add one.',
    },
    zh: { message: '该配置已不存在。', next: '它可能已在其他窗口中被删除。请从列表中选择配置或新增一个。' },
  },
  CANCELLED: {
    en: {
      message: 'The operation was cancelled.',
      next: 'Nothing else was changed. Start it again when you are ready.',
    },
    zh: { message: '操作已取消。', next: '未做其他更改。准备好后可重新开始。' },
  },
  PREFLIGHT_FAILED: {
    en: {
      message: 'The restore was not sent because a safety check failed.',
      next: 'Read the failed check in the dialog, fix it (or wait for the running task), then run the checks again.',
    },
    zh: {
      message: '安全检查未通过，恢复请求未发送。',
      next: '请查看对话框中未通过的检查项，处理后（或等待进行中的任务结束）重新检查。',
    },
  },
  CONFIRMATION_MISMATCH: {
    en: {
      message: 'The typed confirmation does not match the instance name.',
      next: 'Type the instance name exactly as shown (its id when it has no name). Nothing was sent.',
    },
    zh: {
      message: '输入的确认内容与实例名称不一致。',
      next: '请按显示内容准确输入实例名称（无名称时输入实例 ID）。未发送任何请求。',
    },
  },
  PASSWORD_REQUIRED: {
    en: {
      message: 'This instance needs its password to be restored.',
      next: 'Enter the password set when the instance was bought (not instanceId:password). Nothing was sent.',
    },
    zh: {
      message: '恢复该实例需要实例密码。',
      next: '请输入购买实例时设置的密码（不是“实例ID:密码”格式）。未发送任何请求。',
    },
  },
  RESTORE_ALREADY_ACTIVE: {
    en: {
      message: 'A restore of this instance is already running or its outcome is still being checked.',
      next: 'Wait for it to finish in the Tasks panel; a second restore is never started on top of the first.',
    },
    zh: {
      message: '该实例已有恢复任务在进行，或其结果仍在核实中。',
      next: '请在任务面板中等待其结束；不会在其上再发起第二次恢复。',
    },
  },
  RESTORE_NOT_STARTED: {
    // Written only by earlier versions, which closed a reconciliation that found no task as "not started".
    en: {
      message: 'No restore task from this request was found on the instance.',
      next: 'An earlier version of the app recorded this as not started, but that was never certain. Check the instance in the console before starting the restore again.',
    },
    zh: {
      message: '在该实例上未找到此请求对应的恢复任务。',
      next: '旧版本应用将其记录为“未开始”，但这并不确定。再次发起恢复前，请先在控制台检查该实例。',
    },
  },
  RESTORE_TASK_NOT_FOUND: {
    en: {
      message:
        'The restore request got no answer and no restore task of the instance was found, so whether it started is unknown.',
      next: 'It was not resent. Check the instance and its tasks in the console before starting another restore.',
    },
    zh: {
      message: '恢复请求未收到应答，且未找到该实例的恢复任务，因此无法确定恢复是否已开始。',
      next: '该请求未被重复发送。再次发起恢复前，请先在控制台检查该实例及其任务。',
    },
  },
  TASK_OUTCOME_UNKNOWN: {
    en: {
      message: 'The app could not learn how the cloud task ended and stopped following it.',
      next: 'Check the instance and its tasks in the console; nothing was resent.',
    },
    zh: {
      message: '应用无法获知云端任务的结果，已停止跟踪。',
      next: '请在控制台查看该实例及其任务；未重复发送任何请求。',
    },
  },
  SAFETY_BACKUP_FAILED: {
    en: {
      message: 'The safety backup did not complete, so the restore was not sent.',
      next: 'Check the instance in the console, then try again, or restore without a safety backup if you accept the risk.',
    },
    zh: {
      message: '安全备份未完成，因此未发送恢复请求。',
      next: '请在控制台检查实例后重试；如接受风险，也可不做安全备份直接恢复。',
    },
  },
  SANDBOX_UNAVAILABLE: {
    en: {
      message: 'The built-in sandbox could not start.',
      next: 'Check that nothing else blocks local ports, then try again. Your cloud profiles are unaffected.',
    },
    zh: { message: '内置沙箱无法启动。', next: '请确认本地端口未被占用后重试。您的云账号配置不受影响。' },
  },
  PROFILE_SECRET_REQUIRED: {
    en: {
      message: 'Changing the endpoint, API generation or SecretId needs the SecretKey again.',
      next: 'Enter the SecretKey with the change. Saved instance passwords and any STS token of this profile are removed, so they are never sent to the new destination.',
    },
    zh: {
      message: '修改接入点、API 版本或 SecretId 需要重新输入 SecretKey。',
      next: '请随修改一并输入 SecretKey。该配置已保存的实例密码和 STS Token将被删除，绝不会发往新的地址。',
    },
  },
  INSECURE_ENDPOINT_UNCONFIRMED: {
    en: {
      message:
        'This endpoint uses plain http:// to another machine: requests and instance passwords would cross the network unencrypted.',
      next: 'Use https://, or confirm that you accept an unencrypted endpoint (for example a private deployment on an isolated network).',
    },
    zh: {
      message: '该接入点以明文 http:// 连接其他机器：请求和实例密码将以未加密方式经过网络。',
      next: '请改用 https://，或确认接受未加密的接入点（例如隔离网络中的私有部署）。',
    },
  },
  KEYCHAIN_CANCELLED: {
    en: {
      message: 'The keychain prompt was cancelled, so nothing was saved to or read from the keychain.',
      next: 'Try again and unlock (or create) the keychain when it asks. Secrets are never written anywhere else.',
    },
    zh: {
      message: '钥匙串提示已被取消，因此未向钥匙串保存或读取任何内容。',
      next: '请重试，并在钥匙串提示时解锁（或创建）钥匙串。密钥绝不会写入其他位置。',
    },
  },
  KEYCHAIN_ERROR: {
    en: {
      message: 'The OS keychain refused the operation.',
      next: 'Unlock your keychain (or log in again) and retry. Secrets are never written anywhere else.',
    },
    zh: {
      message: '系统钥匙串拒绝了该操作。',
      next: '请解锁钥匙串（或重新登录）后重试。密钥绝不会写入其他位置。',
    },
  },
  // Backup downloads (issue 19).
  BACKUP_LINK_EXPIRED: {
    en: {
      message: 'The download link of this backup expired, and a new one asked for just now was refused too.',
      next: "Start the download again to ask the cloud for new links; what was already downloaded is kept and resumed. If it keeps happening, check this computer's clock.",
    },
    zh: {
      message: '该备份的下载链接已过期，刚刚重新获取的链接也被拒绝。',
      next: '请重新开始下载以向云端获取新链接；已下载的部分会保留并续传。如反复出现，请检查本机时钟。',
    },
  },
  BACKUP_DOWNLOAD_RESTRICTED: {
    en: {
      message:
        "Downloads of this account's backups are restricted to a private network (VPC) or to listed IP addresses, and this computer is not among them.",
      next: 'Download from a machine inside the allowed VPC and choose the private-network link in Settings, or change the restriction in the Tencent Cloud console (backup download settings).',
    },
    zh: {
      message: '该账号的备份下载被限制在私有网络（VPC）或指定 IP 地址内，本机不在允许范围内。',
      next: '请在允许的 VPC 内的机器上下载，并在设置中选择内网链接；或在腾讯云控制台修改备份下载限制。',
    },
  },
  BACKUP_DOWNLOAD_DENIED: {
    en: {
      message: 'The object storage refused to serve this backup file (HTTP 403).',
      next: 'Start the download again to get new links. If it is refused again, check the backup download restriction in the Tencent Cloud console and the permissions of this SecretId.',
    },
    zh: {
      message: '对象存储拒绝提供该备份文件（HTTP 403）。',
      next: '请重新开始下载以获取新链接。如仍被拒绝，请在腾讯云控制台检查备份下载限制及该 SecretId 的权限。',
    },
  },
  BACKUP_DOWNLOAD_FAILED: {
    en: {
      message: 'The backup download stopped before the end (network error or server error).',
      next: 'Start it again: it resumes where it stopped. Check the network and the proxy in Settings if it keeps failing.',
    },
    zh: {
      message: '备份下载在完成前中断（网络错误或服务器错误）。',
      next: '请重新开始：下载会从中断处续传。如反复失败，请检查网络及设置中的代理。',
    },
  },
  BACKUP_DOWNLOAD_INCOMPLETE: {
    en: {
      message:
        'A downloaded backup file does not have the size the cloud announced, so it cannot be trusted.',
      next: 'The file was deleted. Start the download again.',
    },
    zh: {
      message: '下载的备份文件大小与云端公布的不一致，无法信任。',
      next: '该文件已删除。请重新开始下载。',
    },
  },
  BACKUP_DECRYPT_FAILED: {
    en: {
      message:
        'This encrypted backup could not be decrypted: the key or the algorithm the cloud gave does not fit the file.',
      next: 'Nothing decrypted was kept. Check the backup encryption settings of the instance in the Tencent Cloud console (the KMS key), then try again.',
    },
    zh: {
      message: '无法解密该加密备份：云端提供的密钥或算法与文件不符。',
      next: '未保留任何解密内容。请在腾讯云控制台检查实例的备份加密设置（密钥管理服务中的密钥）后重试。',
    },
  },
  BACKUP_NO_DOWNLOAD_URL: {
    en: {
      message: 'The cloud returned no download link for this backup (for the network chosen in Settings).',
      next: 'Check that the backup has finished and has not expired. If you chose the private-network link, the cloud may offer only the public one: change it in Settings.',
    },
    zh: {
      message: '云端未返回该备份的下载链接（针对设置中选择的网络）。',
      next: '请确认备份已完成且未过期。如选择了内网链接，云端可能只提供外网链接：请在设置中更改。',
    },
  },
  BACKUP_CACHE_FULL: {
    en: {
      message: 'This backup is larger than the space the downloaded-backup cache may use.',
      next: 'Raise the cache size in Settings, or delete downloaded backups you no longer need.',
    },
    zh: {
      message: '该备份大于已下载备份缓存允许使用的空间。',
      next: '请在设置中调大缓存上限，或删除不再需要的已下载备份。',
    },
  },
  BACKUP_DOWNLOAD_APP_FAULT: {
    en: {
      message: 'The download stopped because of a fault in the app itself, not the network or the cloud.',
      next: 'What was downloaded is kept. Start it again; if it happens again, restart the app and report it.',
    },
    zh: {
      message: '下载因应用自身的故障而中断，并非网络或云端原因。',
      next: '已下载的部分会保留。请重新开始；如再次出现，请重启应用并报告问题。',
    },
  },
  BACKUP_CACHE_ERROR: {
    en: {
      message: 'The downloaded backup could not be written to the cache folder.',
      next: "Check the free disk space and the permissions of the app's data folder, then try again.",
    },
    zh: {
      message: '无法将下载的备份写入缓存文件夹。',
      next: '请检查磁盘剩余空间及应用数据文件夹的权限后重试。',
    },
  },
  // --- Backup inspector (issue 19: report, find, diff, preview) ---
  INSPECT_NOT_DOWNLOADED: {
    en: {
      message: 'This backup has not been downloaded to this computer yet.',
      next: 'Download the backup first; the inspector only reads downloaded files and never changes them.',
    },
    zh: {
      message: '该备份尚未下载到本机。',
      next: '请先下载备份；检查器只读取已下载的文件，绝不修改它们。',
    },
  },
  INSPECT_BAD_FILE: {
    en: {
      message: 'A file of this backup could not be read as an RDB backup; nothing of it is shown.',
      next: 'Delete the downloaded copy and download the backup again. If it fails again, the backup file itself may be damaged: choose another backup.',
    },
    zh: {
      message: '该备份的某个文件无法作为 RDB 备份读取；不显示其中任何内容。',
      next: '请删除已下载的副本后重新下载。如仍失败，备份文件本身可能已损坏：请选择其他备份。',
    },
  },
  INSPECT_CANCELLED: {
    en: {
      message: 'The inspection was cancelled.',
      next: 'Start it again when you need it; nothing was changed.',
    },
    zh: {
      message: '检查已取消。',
      next: '需要时请重新开始；未做任何更改。',
    },
  },
  INSPECT_KEY_NOT_FOUND: {
    en: {
      message: 'This key is not in the backup.',
      next: 'Check the database number and the key name (binary keys in their quoted, escaped form).',
    },
    zh: {
      message: '备份中没有这个键。',
      next: '请检查数据库编号和键名（二进制键请使用带引号的转义形式）。',
    },
  },
  INSPECT_PREVIEW_UNAVAILABLE: {
    en: {
      message: 'This version of the app cannot show the values of this kind of key.',
      next: 'The key’s type, size, element count and TTL are still shown; use redis-cli on a restored copy to read its value.',
    },
    zh: {
      message: '此版本的应用无法显示此类键的值。',
      next: '键的类型、大小、元素数和 TTL 仍会显示；如需读取值，请在恢复后的副本上使用 redis-cli。',
    },
  },
} as const satisfies Record<string, CatalogEntry>;
