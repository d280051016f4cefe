// Signed, expiring links in the form object storage (COS) uses, as the official DescribeBackupUrl example
// shows them: `…/file.rdb?sign=q-sign-algorithm%3Dsha1%26q-ak%3D…%26q-sign-time%3D<start>%3B<end>%26
// q-key-time%3D<start>%3B<end>%26q-header-list%3D%26q-url-param-list%3D%26q-signature%3D<40 hex>` (tccli
// examples.json, "查询备份Rdb下载地址"): the whole COS authorization string URL-encoded into one `sign`
// parameter. The signature follows COS's request-signing algorithm (https://cloud.tencent.com/document/
// product/436/7778): SignKey = HMAC-SHA1(SecretKey, KeyTime); HttpString = method, path, params, headers,
// each followed by "\n"; StringToSign = "sha1\n" KeyTime "\n" SHA1(HttpString) "\n"; q-signature =
// HMAC-SHA1(SignKey, StringToSign). The sandbox signs with its own private secret, so only it can verify.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface CosSigner {
  /** The q-ak the links carry (not a real SecretId). */
  accessKey: string;
  secret: Buffer;
}

/**
 * A link issued under a download restriction (DescribeBackupUrl LimitType other than NoLimit) is signed with
 * a key of its own, so the file server can tell it apart without trusting anything the client could edit.
 */
function signature(signer: CosSigner, path: string, keyTime: string, restricted: boolean): string {
  const signKey = createHmac('sha1', signer.secret)
    .update(restricted ? `restricted;${keyTime}` : keyTime)
    .digest('hex');
  // Signed as GET; the method is not part of the sandbox's check (see verifyLink).
  const httpString = `get\n${path}\n\n\n`;
  const stringToSign = `sha1\n${keyTime}\n${createHash('sha1').update(httpString).digest('hex')}\n`;
  return createHmac('sha1', signKey).update(stringToSign).digest('hex');
}

/** The `sign` parameter value (not yet URL-encoded) for a path valid from startSec to endSec. */
export function signPath(
  signer: CosSigner,
  path: string,
  startSec: number,
  endSec: number,
  restricted = false,
): string {
  const keyTime = `${startSec};${endSec}`;
  return [
    'q-sign-algorithm=sha1',
    `q-ak=${signer.accessKey}`,
    `q-sign-time=${keyTime}`,
    `q-key-time=${keyTime}`,
    'q-header-list=',
    'q-url-param-list=',
    `q-signature=${signature(signer, path, keyTime, restricted)}`,
  ].join('&');
}

export type LinkCheck = { ok: true; restricted: boolean } | { ok: false; reason: 'expired' | 'signature' };

/**
 * Checks a request's `sign` parameter for its (decoded) path at nowSec. A missing or malformed
 * authorization, another key or a wrong signature is SignatureDoesNotMatch; a well-signed link outside
 * its time window has expired. The signature is checked first, so an altered end time cannot pass as
 * merely expired.
 */
export function verifyLink(signer: CosSigner, path: string, sign: string | null, nowSec: number): LinkCheck {
  if (!sign) return { ok: false, reason: 'signature' };
  const fields = new Map<string, string>();
  for (const part of sign.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const keyTime = fields.get('q-key-time') ?? '';
  const match = /^(\d{1,12});(\d{1,12})$/.exec(keyTime);
  const given = fields.get('q-signature') ?? '';
  if (
    fields.get('q-sign-algorithm') !== 'sha1' ||
    fields.get('q-ak') !== signer.accessKey ||
    fields.get('q-sign-time') !== keyTime ||
    !match ||
    !/^[0-9a-f]{40}$/.test(given)
  ) {
    return { ok: false, reason: 'signature' };
  }
  const matches = (restricted: boolean) =>
    timingSafeEqual(
      Buffer.from(given, 'latin1'),
      Buffer.from(signature(signer, path, keyTime, restricted), 'latin1'),
    );
  const open = matches(false);
  if (!open && !matches(true)) return { ok: false, reason: 'signature' };
  const start = Number(match[1]);
  const end = Number(match[2]);
  if (nowSec < start || nowSec > end) return { ok: false, reason: 'expired' };
  return { ok: true, restricted: !open };
}
