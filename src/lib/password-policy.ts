/**
 * What an officer password must be (NIST SP 800-63B §5.1.1: length over composition rules,
 * and no commonly used or context-specific passwords): at least {@link MIN_PASSWORD_LENGTH}
 * characters, not the username, not a well-known password, and not one character repeated
 * or a plain run of letters or digits.
 */

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;
/** The longest password accepted (scrypt hashes any length; this bounds the work per request). */
export const MAX_PASSWORD_LENGTH = 200;

/** Passwords that appear at the top of every breach list, and obvious local variants. */
const COMMON = new Set([
  'password', 'password1', 'password12', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword1', '1234567890', '0123456789',
  '12345678910', 'qwertyuiop', 'qwerty1234', 'qwerty123', '1q2w3e4r5t', 'iloveyou12', 'admin12345', 'administrator',
  'welcome123', 'welcome@123', 'changeme123', 'letmein123', 'abcdefghij', 'abcd123456', 'india12345', 'india@123',
  'andhra1234', 'tahsildar1', 'tahsildar123', 'mitra12345', 'mitra@1234', 'revenue123', 'secretariat', 'government',
]);

/** Why `password` is refused for account `username`, as one sentence; null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `the password is too short: use at least ${MIN_PASSWORD_LENGTH} characters (a few words are easier to remember)`;
  if (length > MAX_PASSWORD_LENGTH) return `the password is too long: at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'the password is one of the most common passwords; choose another';
  if (username && lower.includes(username.toLowerCase())) return 'the password must not contain the username';
  if (new Set(lower).size <= 3) return 'the password repeats too few characters; choose another';
  if (/^(?:[a-z]+|\d+)$/.test(lower) && isRun(lower)) return 'the password is a plain run of letters or digits; choose another';
  return null;
}

/** True for "abcdefghij", "0123456789", "9876543210" and the like. */
function isRun(text: string): boolean {
  const codes = [...text].map((c) => c.charCodeAt(0));
  const step = codes[1] - codes[0];
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - codes[i - 1] === step);
}
