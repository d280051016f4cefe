/**
 * The decryption pieces on their own: the key forms accepted, the algorithm check, chunk-by-chunk CBC
 * decryption that resumes from any whole-block offset with no saved state, and the head check that tells a
 * wrong key from the first blocks.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  aesKeyOf,
  CbcStream,
  checkAlgorithm,
  cipherResumeOffset,
  looksLikeBackup,
} from '../../../../electron/core/downloads/backup-decrypt';
import { rdbLike } from './fake-storage';
import { encrypt } from './harness';

function decryptInChunks(cipher: Buffer, key: Buffer, from: number, chunk: number): Buffer {
  const stream = new CbcStream(key);
  const out: Buffer[] = [];
  for (let at = from; at < cipher.length; at += chunk)
    out.push(stream.update(cipher.subarray(at, at + chunk)));
  out.push(stream.end());
  return Buffer.concat(out);
}

describe('backup decryption', () => {
  const key = randomBytes(32);

  it('accepts the key as base64 (the official form) or 64 hex digits, nothing else', () => {
    expect(aesKeyOf(key.toString('base64'))).toEqual(key);
    expect(aesKeyOf(` ${key.toString('hex')} `)).toEqual(key);
    for (const bad of [
      '',
      'short',
      randomBytes(16).toString('base64'),
      'rFGxk4E**********************U/nWERxvFx+FAY=',
    ]) {
      expect(() => aesKeyOf(bad), bad).toThrow(expect.objectContaining({ code: 'BACKUP_DECRYPT_FAILED' }));
    }
    try {
      aesKeyOf('not a key at all');
    } catch (error) {
      expect(JSON.stringify(error)).not.toContain('not a key at all');
    }
  });

  it('knows one algorithm, however it is spelt; none given means the documented one', () => {
    for (const ok of ['AES-256-CBC', 'aes-256-cbc', 'AES256CBC', undefined])
      expect(() => checkAlgorithm(ok)).not.toThrow();
    for (const bad of ['AES-128-CBC', 'AES-256-GCM', 'SM4']) {
      expect(() => checkAlgorithm(bad)).toThrow(expect.objectContaining({ code: 'BACKUP_DECRYPT_FAILED' }));
    }
  });

  it('decrypts chunk by chunk, and from any whole-block offset of what was already decrypted', () => {
    const plain = rdbLike(10_007);
    const cipher = encrypt(plain, key);
    expect(decryptInChunks(cipher, key, 0, 1000)).toEqual(plain);
    expect(decryptInChunks(cipher, key, 0, 7)).toEqual(plain);
    for (const written of [16, 4096, 4100, 9999, 10_000]) {
      const from = cipherResumeOffset(written);
      expect(from % 16).toBe(0);
      const rest = decryptInChunks(cipher, key, from, 333);
      expect(Buffer.concat([plain.subarray(0, from), rest]), String(written)).toEqual(plain);
    }
  });

  it('a wrong key fails at the padding, or earlier at the head check', () => {
    const cipher = encrypt(rdbLike(5000), key);
    const other = randomBytes(32);
    const stream = new CbcStream(other);
    const head = stream.update(cipher.subarray(0, 1024));
    expect(looksLikeBackup(head, false)).toBe(false);
    expect(() => decryptInChunks(cipher.subarray(0, 64), other, 0, 64)).toThrow(
      expect.objectContaining({ code: 'BACKUP_DECRYPT_FAILED' }),
    );
  });

  it('recognises RDB, Valkey RDB, gzip and tar heads, and waits for enough bytes to decide', () => {
    expect(looksLikeBackup(Buffer.from('REDIS0011'), false)).toBe(true);
    expect(looksLikeBackup(Buffer.from('VALKEY080'), false)).toBe(true);
    expect(looksLikeBackup(Buffer.from([0x1f, 0x8b, 8, 0]), false)).toBe(true);
    const tar = Buffer.alloc(512);
    tar.write('ustar', 257, 'latin1');
    expect(looksLikeBackup(tar, false)).toBe(true);
    expect(looksLikeBackup(Buffer.from('RED'), false)).toBeUndefined();
    expect(looksLikeBackup(Buffer.from('RED'), true)).toBe(false);
    expect(looksLikeBackup(randomBytes(600).fill(0x41, 0, 5), false)).toBe(false);
  });
});
