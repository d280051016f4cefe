/**
 * The error catalog: every failure the app can show maps to one stable app code with an English and a
 * Chinese message saying what happened and what to do next. Cloud error codes (API 3.0 strings and legacy
 * numbers) are mapped onto these codes by the CRS clients.
 */

export interface CatalogText {
  /** What happened, in one sentence. */
  message: string;
  /** What the user can do about it. */
  next: string;
}

export interface CatalogEntry {
  en: CatalogText;
  zh: CatalogText;
}

export const errorCatalog = {
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
} as const satisfies Record<string, CatalogEntry>;

export type AppErrorCode = keyof typeof errorCatalog;

export const appErrorCodes = Object.keys(errorCatalog) as AppErrorCode[];

export type Language = 'en' | 'zh';

/** Looks up the catalog text for a code in the given language. */
export function describeError(code: AppErrorCode, language: Language = 'en'): CatalogText {
  return errorCatalog[code][language];
}

/** An error a core service throws on purpose; the IPC guard turns it into an envelope. */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: AppErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? errorCatalog[code].en.message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function isAppErrorCode(value: unknown): value is AppErrorCode {
  return typeof value === 'string' && Object.hasOwn(errorCatalog, value);
}
