/**
 * Windows-1252 (Excel's "CSV" on Windows). Node's TextDecoder reads this label as Latin-1,
 * which turns smart quotes and dashes into control characters, so the 0x80–0x9F block is
 * mapped here. The five bytes that code page leaves undefined are decoding errors.
 */
const HIGH = [
  0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017d, -1, -1, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e, 0x0178,
];

/** Index of the first byte with no Windows-1252 character, or -1. */
export function findInvalidWindows1252(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b >= 0x80 && b <= 0x9f && HIGH[b - 0x80] === -1) return i;
  }
  return -1;
}

export class Windows1252Decoder {
  decode(bytes: Uint8Array = new Uint8Array(0)): string {
    const bad = findInvalidWindows1252(bytes);
    if (bad !== -1) throw new TypeError(`byte ${bad} is not defined in windows-1252`);
    let out = '';
    const CHUNK = 8192;
    for (let start = 0; start < bytes.length; start += CHUNK) {
      const codes = new Array<number>(Math.min(CHUNK, bytes.length - start));
      for (let i = 0; i < codes.length; i++) {
        const b = bytes[start + i];
        codes[i] = b >= 0x80 && b <= 0x9f ? HIGH[b - 0x80] : b;
      }
      out += String.fromCharCode(...codes);
    }
    return out;
  }
}
