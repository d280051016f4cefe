import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../renderer/src/i18n';
import { en } from '../../../renderer/src/i18n/en';
import { zhCN } from '../../../renderer/src/i18n/zh-cn';
import { checkDetail } from '../../../renderer/src/lib/check-detail';
import { taskMessage } from '../../../renderer/src/lib/task-message';
import { NoticeSchema } from '../../../shared/ipc-contract';
import { cloudText, type PreflightCheck, taskMessages, taskText } from '../../../shared/tasks';

const check = (over: Partial<PreflightCheck>): PreflightCheck => ({
  id: 'instance-running',
  ok: false,
  detail: 'English fallback',
  ...over,
});

describe('preflight check details', () => {
  it('are translated from the reason code, with translated values', () => {
    const zh = createI18n('zh-CN');
    const en = createI18n('en');
    const c = check({ reason: { code: 'status', params: { status: 'isolated' } } });
    expect(checkDetail(c, en.t, 'en', 'beijing')).toBe('The instance is Isolated.');
    const zhText = checkDetail(c, zh.t, 'zh-CN', 'beijing');
    expect(zhText).not.toContain('Isolated');
    expect(zhText).toMatch(/[\u4e00-\u9fff]/);
  });

  it('format times for the language and explain errors from the catalog', () => {
    const en = createI18n('en');
    const found = check({
      id: 'backup-found',
      ok: true,
      reason: { code: 'ok', params: { startTime: '2026-11-30T06:27:08.000Z' } },
    });
    expect(checkDetail(found, en.t, 'en', 'beijing')).not.toContain('T06:27');
    const error = check({ id: 'endpoint-reachable', reason: { code: 'error', params: { code: 'NETWORK' } } });
    expect(checkDetail(error, en.t, 'en', 'beijing').length).toBeGreaterThan(20);
    expect(checkDetail(error, en.t, 'en', 'beijing')).not.toBe('English fallback');
    const refused = check({
      id: 'instance-found',
      reason: { code: 'error', params: { code: 'AUTH_FAILED', requestId: 'req-0001-abcd' } },
    });
    expect(checkDetail(refused, en.t, 'en', 'beijing')).toMatch(/\(RequestId req-0001-abcd\)$/);
  });

  it('fall back to the core text when there is no reason', () => {
    expect(checkDetail(check({}), createI18n('zh-CN').t, 'zh-CN', 'beijing')).toBe('English fallback');
  });
});

describe('task messages', () => {
  it('cover every message code the core sends, in both languages', () => {
    const codes = Object.keys(taskMessages)
      .filter((c) => c !== 'error')
      .sort();
    expect(Object.keys(en.taskMessage).sort()).toEqual(codes);
    expect(Object.keys(zhCN.taskMessage).sort()).toEqual(codes);
  });

  it('translate the app’s own messages, show the catalog for errors, and pass cloud text through', () => {
    const zh = createI18n('zh-CN');
    expect(taskMessage(taskText('adopted-ended', { status: 'succeed' }), zh.t, 'zh-CN')).toBe(
      '恢复已经开始并已结束：成功。',
    );
    expect(
      taskMessage({ ...taskText('error', { text: 'x' }), errorCode: 'WRONG_PASSWORD' }, zh.t, 'zh-CN'),
    ).toBe('实例密码错误。');
    // Untranslatable text in the other language is labelled, never passed off as the UI's own words.
    expect(taskMessage(cloudText('redis restore flow done'), zh.t, 'zh-CN')).toBe(
      '原文（未翻译）：redis restore flow done',
    );
    expect(taskMessage(cloudText('恢复完成'), zh.t, 'zh-CN')).toBe('恢复完成');
    const en = createI18n('en');
    expect(taskMessage(cloudText('恢复完成'), en.t, 'en')).toBe('As the cloud wrote it: 恢复完成');
    expect(taskMessage(cloudText('redis restore flow done'), en.t, 'en')).toBe('redis restore flow done');
  });
});

describe('notices', () => {
  it('have a translation for every kind the core sends', () => {
    const kinds = [...NoticeSchema.shape.kind.unwrap().options].sort();
    expect(Object.keys(en.noticeText).sort()).toEqual(kinds);
    expect(Object.keys(zhCN.noticeText).sort()).toEqual(kinds);
    const zh = createI18n('zh-CN');
    expect(zh.t('noticeText.clock-skew', { seconds: '42' })).toContain('42');
  });
});
