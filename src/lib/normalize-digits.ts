/**
 * Converts Telugu (౦-౯, U+0C66..U+0C6F) and Devanagari (०-९, U+0966..U+096F) digits to ASCII
 * digits, leaving every other character as it is. Citizens type numbers with their phone's
 * Telugu or Hindi keyboard; every numeric parser normalises first.
 */
export function normalizeDigits(text: string): string {
  return text.replace(/[\u0C66-\u0C6F\u0966-\u096F]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return String(code >= 0x0c66 ? code - 0x0c66 : code - 0x0966);
  });
}
