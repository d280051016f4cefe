/**
 * Decrypting an encrypted backup while it streams in. What the official sources say: DescribeBackupDetail
 * answers `Encrypted`, `DecryptKey`, `KmsKeyId` and `KeyAlgorithm`, whose only documented value is
 * "AES-256-CBC：当前仅支持AES-256-CBC" (tencentcloud-sdk-nodejs 4.1.313 redis_models.d.ts,
 * DescribeBackupDetailResponse); the official example's key is 44 base64 characters ending in `=`, i.e. 32
 * bytes (tencentcloud-cli tccli/examples/redis/v20180412/DescribeBackupDetail.md, masked:
 * `rFGxk4E**********************U/nWERxvFx+FAY=`). What no official source found says: where the IV is and
 * how the file is padded. This module assumes the most common layout and keeps that assumption in
 * `CBC_LAYOUT` and `aesKeyOf` alone: the file is `IV (16 bytes) ‖ AES-256-CBC ciphertext` with PKCS#7
 * padding. Unverified without a real account (docs/CLOUD-FIDELITY.md).
 *
 * That layout also makes an interrupted download resumable without keeping any state: after `p` plaintext
 * bytes (always whole blocks), the ciphertext block that chains into the rest starts at byte `p` of the file
 * (the IV itself when `p` is 0). So a resumed request asks for `bytes=p-` and takes its first 16 bytes as the
 * IV of a fresh decipher.
 */
import { createDecipheriv, type Decipher } from 'node:crypto';
import { AppError } from '../../../shared/errors';

export const CBC_LAYOUT = {
  algorithm: 'aes-256-cbc',
  keyBytes: 32,
  blockBytes: 16,
  /** Where the IV is: the first block of the file. */
  ivPrefixBytes: 16,
} as const;

/** The one algorithm the API documents, compared without case or punctuation ("AES-256-CBC"). */
export function checkAlgorithm(keyAlgorithm: string | undefined): void {
  // Absent: the model documents a single algorithm, so an encrypted backup without one uses it.
  if (keyAlgorithm === undefined) return;
  if (keyAlgorithm.replace(/[^a-z0-9]/gi, '').toLowerCase() !== 'aes256cbc') {
    throw new AppError('BACKUP_DECRYPT_FAILED', undefined, { reason: 'algorithm', keyAlgorithm });
  }
}

/**
 * The 32 key bytes from DecryptKey: base64 (the official example's form) or 64 hex digits. Anything else is
 * refused before a byte is downloaded. The error never carries the key.
 */
export function aesKeyOf(decryptKey: string): Buffer {
  const text = decryptKey.trim();
  let key: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(text)) key = Buffer.from(text, 'hex');
  else if (/^[A-Za-z0-9+/]+={0,2}$/.test(text) && text.length % 4 === 0) key = Buffer.from(text, 'base64');
  if (key?.length !== CBC_LAYOUT.keyBytes) {
    key?.fill(0);
    throw new AppError('BACKUP_DECRYPT_FAILED', undefined, { reason: 'key-format' });
  }
  return key;
}

/** Where a resumed ciphertext request starts, for `plainBytes` already written (whole blocks only). */
export function cipherResumeOffset(plainBytes: number): number {
  return plainBytes - (plainBytes % CBC_LAYOUT.blockBytes);
}

/**
 * A streaming decrypter: feed it the ciphertext from `cipherResumeOffset(p)` on; its first 16 bytes are the
 * chaining block, the rest is decrypted. `end()` checks the padding: a wrong key fails there (or earlier, at
 * the head check in the service).
 */
export class CbcStream {
  readonly #key: Buffer;
  #iv: Buffer[] = [];
  #ivBytes = 0;
  #decipher: Decipher | undefined;

  constructor(key: Buffer) {
    this.#key = key;
  }

  update(chunk: Uint8Array): Buffer {
    let data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (!this.#decipher) {
      const need = CBC_LAYOUT.ivPrefixBytes - this.#ivBytes;
      const head = data.subarray(0, need);
      this.#iv.push(head);
      this.#ivBytes += head.length;
      data = data.subarray(head.length);
      if (this.#ivBytes < CBC_LAYOUT.ivPrefixBytes) return Buffer.alloc(0);
      const iv = Buffer.concat(this.#iv);
      this.#decipher = createDecipheriv(CBC_LAYOUT.algorithm, this.#key, iv);
      this.#iv = [];
    }
    return data.length > 0 ? this.#decipher.update(data) : Buffer.alloc(0);
  }

  /** The last block without its padding; a bad padding (wrong key, damaged file) → BACKUP_DECRYPT_FAILED. */
  end(): Buffer {
    if (!this.#decipher) throw new AppError('BACKUP_DECRYPT_FAILED', undefined, { reason: 'too-short' });
    try {
      return this.#decipher.final();
    } catch {
      throw new AppError('BACKUP_DECRYPT_FAILED', undefined, { reason: 'padding' });
    }
  }
}

/**
 * Whether the first bytes of a decrypted file look like a backup the inspector reads: an RDB (`REDIS` or
 * Valkey's `VALKEY` magic), a gzip stream, or a tar archive (`ustar` at byte 257). Random bytes — what a
 * wrong key yields — match none of them, so a wrong key is told after the first blocks, not gigabytes later.
 * `final` says no more bytes will come (a file shorter than a tar header).
 */
export function looksLikeBackup(head: Buffer, final: boolean): boolean | undefined {
  const starts = (magic: string) =>
    head.length >= magic.length && head.subarray(0, magic.length).toString('latin1') === magic;
  if (starts('REDIS') || starts('VALKEY')) return true;
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return true;
  if (head.length >= 262) return head.subarray(257, 262).toString('latin1') === 'ustar';
  // Too short to rule out a tar header yet: decided once 262 bytes are in (or the file ended).
  return final ? false : undefined;
}
