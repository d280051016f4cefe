/**
 * The new instance's password rules as CloneInstancesRequest.Password documents them
 * (tencentcloud-sdk-nodejs 4.1.313 redis_models.d.ts): "当实例为Redis2.8、4.0和5.0时，其密码格式为：8-30个字符，
 * 至少包含小写字母、大写字母、数字和字符 ()`~!@#$%^&*-+=_|{}[]:;<>,.?/ 中的2种，不能以"/"开头；当实例为CKV 3.2时，
 * 其密码格式为：8-30个字符，必须包含字母和数字，且不包含其他字符。" Other engines have no documented rule: the
 * cloud judges them (InvalidParameterValue.PasswordRuleError).
 */

/** API 3.0 Type numbers (InstanceSet.Type): 2, 5 Redis 2.8; 6, 7 Redis 4.0; 8, 9 Redis 5.0; 3, 4 CKV 3.2. */
const REDIS_RULE_TYPES = new Set([2, 5, 6, 7, 8, 9]);
const CKV_RULE_TYPES = new Set([3, 4]);

const SPECIALS = '()`~!@#$%^&*-+=_|{}[]:;<>,.?/';

export type PasswordVerdict = 'ok' | 'undocumented' | 'length' | 'classes' | 'leading-slash' | 'characters';

export function passwordRule(typeId: number, password: string): PasswordVerdict {
  const length = [...password].length;
  if (CKV_RULE_TYPES.has(typeId)) {
    if (length < 8 || length > 30) return 'length';
    if (!/^[A-Za-z0-9]+$/.test(password)) return 'characters';
    return /[A-Za-z]/.test(password) && /[0-9]/.test(password) ? 'ok' : 'classes';
  }
  if (!REDIS_RULE_TYPES.has(typeId)) return 'undocumented';
  if (length < 8 || length > 30) return 'length';
  if (password.startsWith('/')) return 'leading-slash';
  // Characters outside the four classes are not forbidden by the text, so they are left to the cloud.
  const special = [...password].some((c) => SPECIALS.includes(c));
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((re) => re.test(password)).length + (special ? 1 : 0);
  return classes >= 2 ? 'ok' : 'classes';
}
