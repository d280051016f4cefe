/**
 * LZF decompression, for the RDB's compressed strings (RDB_ENC_LZF: compressed length, original length,
 * then the LZF data; redis `src/rdb.c` rdbLoadLzfStringObject, format from redis `src/lzf_d.c`): a control
 * byte below 32 copies that many plus one literal bytes; otherwise its top 3 bits are a match length (7 means
 * "add the next byte") and the low 5 bits with the next byte a back-reference distance minus one.
 */

/**
 * Decompresses src[start, end) into dst[0, dstLen). Returns the number of bytes written, or -1 when the
 * data is corrupt (a literal or match overrunning the input or output, or a reference before the start).
 */
export function lzfDecompress(
  src: Uint8Array,
  start: number,
  end: number,
  dst: Uint8Array,
  dstLen: number,
): number {
  let ip = start;
  let op = 0;
  while (ip < end) {
    let ctrl = src[ip++] as number;
    if (ctrl < 32) {
      ctrl++;
      if (op + ctrl > dstLen || ip + ctrl > end) return -1;
      dst.set(src.subarray(ip, ip + ctrl), op);
      op += ctrl;
      ip += ctrl;
    } else {
      let len = ctrl >>> 5;
      if (len === 7) {
        if (ip >= end) return -1;
        len += src[ip++] as number;
      }
      if (ip >= end) return -1;
      const ref = op - ((ctrl & 0x1f) << 8) - 1 - (src[ip++] as number);
      len += 2;
      if (ref < 0 || op + len > dstLen) return -1;
      // Overlapping copies are the point of LZF runs: copy byte by byte.
      for (let k = 0; k < len; k++) dst[op + k] = dst[ref + k] as number;
      op += len;
    }
  }
  return op;
}

/**
 * Decompresses only the start of src[start, end) into dst[0, limit): stops once `limit` bytes are out or the
 * input given ends (a token cut by the end of a partial input is left alone). Returns the bytes written, or
 * -1 when a back-reference points before the start. For a value preview, which needs the first bytes only.
 */
export function lzfPrefix(
  src: Uint8Array,
  start: number,
  end: number,
  dst: Uint8Array,
  limit: number,
): number {
  let ip = start;
  let op = 0;
  while (ip < end && op < limit) {
    let ctrl = src[ip++] as number;
    if (ctrl < 32) {
      ctrl++;
      const n = Math.min(ctrl, limit - op, end - ip);
      dst.set(src.subarray(ip, ip + n), op);
      op += n;
      ip += ctrl;
    } else {
      let len = ctrl >>> 5;
      if (len === 7) {
        if (ip >= end) break;
        len += src[ip++] as number;
      }
      if (ip >= end) break;
      const ref = op - ((ctrl & 0x1f) << 8) - 1 - (src[ip++] as number);
      if (ref < 0) return -1;
      const n = Math.min(len + 2, limit - op);
      for (let k = 0; k < n; k++) dst[op + k] = dst[ref + k] as number;
      op += n;
    }
  }
  return op;
}
