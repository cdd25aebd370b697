/**
 * Index of the first byte that does not start a valid UTF-8 sequence in `bytes`, or -1.
 * A sequence cut off by the end of the buffer is not invalid when `final` is false
 * (its remaining bytes may arrive in the next chunk).
 */
export function findInvalidUtf8(bytes: Uint8Array, final: boolean): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min2 = 0x80;
    let max2 = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min2 = 0xa0;
      if (b === 0xed) max2 = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min2 = 0x90;
      if (b === 0xf4) max2 = 0x8f;
    } else return i;
    const end = Math.min(i + need, n - 1);
    for (let k = 1; i + k <= end; k++) {
      const c = bytes[i + k];
      if (k === 1 ? c < min2 || c > max2 : c < 0x80 || c > 0xbf) return i;
    }
    // A sequence cut off by the end of the chunk is completed by the next one.
    if (i + need >= n) return final ? i : -1;
    i += need + 1;
  }
  return -1;
}
