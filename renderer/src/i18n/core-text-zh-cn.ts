/** 简体中文 for the text the core sends as codes with values; the shape is checked against the English. */
import type { coreTextEn } from './core-text-en';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const coreTextZhCN: Strings<typeof coreTextEn> = {
  taskMessage: {
    'preflight-passed': '安全检查已通过。',
    sending: '正在发送恢复请求…',
    accepted: '云端已接受恢复请求。',
    'safety-backup': '正在先进行安全备份…',
    reconciling: '未收到应答；正在查询实例的任务以确认恢复是否已开始。恢复请求绝不会重复发送。',
    'stopped-before-send': '应用在发送恢复请求前已停止；未执行任何恢复。如有需要请重新发起。',
    cancelled: '已在发送恢复请求前取消；未执行任何恢复。',
    'cancelled-during-backup':
      '已在发送恢复请求前取消；未执行任何恢复。安全备份任务 {{taskId}} 仍在云端继续进行，生成的备份会保留。',
    'poll-error': '暂时无法读取任务状态（{{code}}）；仍在持续跟踪。',
    adopted: '恢复已经开始；正在跟踪其任务。',
    'adopted-ended': '恢复已经开始并已结束：{{status}}。',
    'status-preparing': '等待云端开始执行恢复。',
    'status-running': '正在恢复备份…',
    'status-succeed': '恢复已完成。',
    'status-other': '任务状态：{{status}}。',
    'outcome-unknown':
      '结果未知——请到控制台查看。应用无法获知实例 {{instanceId}}（{{region}}）的恢复任务 {{taskId}} 的结果（{{reason}}），已停止查询；未重复发送任何请求。请在控制台查看该实例：{{consoleUrl}}',
    'reconcile-unknown':
      '结果未知——请到控制台查看。恢复请求未收到应答，且未找到实例 {{instanceId}}（{{region}}）的恢复任务，因此无法确定恢复是否已开始；该请求未被重复发送。再次发起恢复前，请先在控制台查看该实例：{{consoleUrl}}',
    'reconcile-unreadable':
      '结果未知——请到控制台查看。恢复请求未收到应答，且无法读取该实例的任务（{{reason}}），因此无法确定恢复是否已开始；该请求未被重复发送。再次发起恢复前，请先在控制台查看该实例：{{consoleUrl}}',
    // Restore into a new instance (issue 20).
    'clone-sending': '正在为新实例下单…',
    'clone-ordered': '已下单 {{dealName}}；新实例 {{newInstanceId}}。',
    'clone-deal': '订单 {{dealName}}：{{dealState}}。',
    'clone-unpaid': '订单 {{dealName}} 尚未支付。请在控制台（费用中心 → 订单）完成支付；应用会继续跟踪。',
    'clone-creating': '正在创建新实例 {{newInstanceId}}…',
    'clone-restoring': '正在向 {{newInstanceId}} 加载数据…',
    'clone-running': '新实例 {{newInstanceId}} 已在 {{address}} 运行。',
    'clone-deal-failed':
      '订单 {{dealName}} 以“{{dealState}}”结束；未交付任何实例。请在控制台查看“费用中心 → 订单”。',
    'clone-reconciling': '下单请求未收到应答；正在订单和实例列表中查找。绝不会重复下单。',
    'clone-adopted': '订单已下达：已找到新实例 {{newInstanceId}}；正在跟踪。',
    'clone-reconcile-ambiguous':
      '结果未知——请到控制台查看订单。下单请求未收到应答，且找到 {{count}} 个名为 {{instanceName}} 的新实例，无法确定哪一个属于本订单；未重复下单。请查看“费用中心 → 订单”和实例列表：{{consoleUrl}}',
    'clone-reconcile-unknown':
      '结果未知——请到控制台查看订单。下单请求未收到应答，且未找到名为 {{instanceName}} 的订单或新实例，因此无法确定是否已下单；未重复下单。再次尝试前，请先查看“费用中心 → 订单”和实例列表：{{consoleUrl}}',
    'clone-outcome-unknown':
      '结果未知——请到控制台查看订单。应用无法获知订单 {{dealName}} 的结果（{{reason}}），已停止查询；未重复下单。请在控制台查看：{{consoleUrl}}',
    'clone-stopped-before-send': '应用在下单前已停止；未下任何订单。如有需要请重新发起。',
  },
  noticeText: {
    'settings-moved':
      '无法读取设置文件（{{problem}}）。该文件已移至 {{movedTo}}，应用以默认设置启动；钥匙串中的条目未受影响。',
    'profiles-hidden': '有 {{count}} 个已保存的配置无法读取，已暂时隐藏；它们在设置文件中保持原样。',
    'cache-moved': '损坏的缓存文件已移至 {{movedTo}}。',
    'clock-skew': '本机时钟与云端相差 {{seconds}} 秒；请求已改用校正后的时间签名。请校准系统时钟。',
    'session-only': '系统钥匙串不可用：凭证仅保存在本次会话中，应用退出后即被清除。',
    'keys-needed': '请输入 {{names}} 的 SecretKey：有恢复任务正在等待跟踪。',
    'sandbox-not-resumed': '内置沙箱无法再次启动，其配置暂时无法连接；请在设置中启动沙箱。',
    'journal-skipped': '恢复日志中有 {{count}} 行损坏（写入时崩溃）已被跳过；其余恢复记录均已保留。',
  },
  checkDetail: {
    requestId: '（RequestId {{requestId}}）',
    ok: {
      'no-active-restore': '本应用和云端任务列表均未显示该实例有其他正在进行的恢复。',
      'endpoint-reachable': 'CRS 接入点已响应。',
      'instance-found': '{{name}}，位于 {{region}}',
      'instance-running': '运行中。',
      'instance-unlocked': '没有任务占用该实例。',
      'backup-found': '开始于 {{startTime}}。',
      'backup-belongs': '该备份取自此实例。',
      'backup-restorable': '状态正常且未锁定。',
    },
    active: '本应用发起的该实例恢复任务状态为“{{status}}”，请等待其结束。',
    activeCloud:
      '云端任务列表显示该实例有一个状态为“{{status}}”的恢复任务，开始于 {{since}}（任务 {{task}}），由本应用以外发起（控制台、tccli 或其他机器）；任务列表未说明发起人。请等待其结束。',
    sinceUnknown: '未知时间',
    taskUnknown: '未提供 ID',
    tasksUnreadable:
      '无法读取该实例的任务列表（{{reason}}），可能有其他恢复正在进行；在能够检查之前拒绝恢复。',
    instanceMissing: '{{region}} 中没有实例 {{instanceId}}。',
    backupMissing: '在该实例的整个备份保留期内都没有该 ID 的备份。',
    status: '实例当前状态：{{status}}。',
    foreign: '该备份不属于此实例。',
    notRestorable: '不可恢复：{{reason}}。',
    incomplete: '云端列表中该实例缺少 {{fields}}，无法检查，因此拒绝恢复。',
  },
};
