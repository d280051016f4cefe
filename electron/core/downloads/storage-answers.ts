/**
 * What an object storage refusal (HTTP 403) means. Tencent COS answers errors as XML
 * (`<Error><Code>…</Code><Message>…</Message>…</Error>`), S3 style; S3-compatible storage answers an expired
 * presigned link with 403 `AccessDenied` / `Request has expired`, and COS is assumed to use the same words (no
 * COS page stating them was found: unverified). The link's own `q-sign-time` end is checked before sending
 * too (linkExpiresAtMs), so an expired link is mostly refreshed without a refusal. What a VPC or IP download restriction
 * (ModifyBackupDownloadRestriction) makes the storage answer is not documented: any body naming a VPC, the
 * intranet, a source IP or a restriction is read as a restriction, and the service also asks
 * DescribeBackupDownloadRestriction before it says so. Unverified without a real account.
 */

/** Text of one XML element (first occurrence), unescaped for the few entities COS uses. */
function element(body: string, name: string): string | undefined {
  const match = new RegExp(`<${name}>([\\s\\S]{0,500}?)</${name}>`).exec(body);
  return match?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

export type DeniedKind = 'expired' | 'restricted' | 'denied';

export function classifyDenied(body: string): DeniedKind {
  const text = body.slice(0, 4096);
  const code = element(text, 'Code') ?? '';
  const message = element(text, 'Message') ?? '';
  if (/request has expired|expired/i.test(message) || /^(ExpiredToken|RequestTimeTooSkewed)$/i.test(code)) {
    return 'expired';
  }
  if (/\bvpc\b|intranet|source ?ip|ip address|not allowed from|restrict/i.test(`${code} ${message}`)) {
    return 'restricted';
  }
  return 'denied';
}

/**
 * When a COS-signed link stops working: the end of `q-sign-time=start;end` (seconds), read from the query or
 * from the URL-encoded `sign` parameter as the official DescribeBackupUrl example carries it. Undefined for
 * links signed another way (the legacy API's own form).
 */
export function linkExpiresAtMs(url: string): number | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const direct = parsed.searchParams.get('q-sign-time');
  const nested = parsed.searchParams.get('sign');
  const signTime = direct ?? (nested ? new URLSearchParams(nested).get('q-sign-time') : null);
  const end = /^\d+;(\d+)$/.exec(signTime ?? '')?.[1];
  return end === undefined ? undefined : Number(end) * 1000;
}
