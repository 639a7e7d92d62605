// Money and quantities arrive as decimal strings; they are never turned into floats.
// Scaled BigInts keep half-up rounding to the fen exact, as the server does.

export interface Scaled {
  value: bigint;
  scale: number;
}

const TEN = 10n;

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

/** Parses "1,234.5" / "-3" / 12 into a scaled integer; null when it is not a number. */
export function parseDecimal(input: string | number | null | undefined, scale = 4): bigint | null {
  if (input === null || input === undefined) return null;
  const text = String(input).replace(/[,\s¥]/g, '');
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const [, sign, whole = '', fraction = ''] = match;
  const digits = (fraction + '0'.repeat(scale)).slice(0, scale);
  const abs = BigInt(whole || '0') * pow10(scale) + BigInt(digits || '0');
  return sign === '-' ? -abs : abs;
}

/** Half-up (away from zero) from one scale to a smaller one. */
export function roundHalfUp(value: bigint, fromScale: number, toScale: number): bigint {
  if (fromScale <= toScale) return value * pow10(toScale - fromScale);
  const divisor = pow10(fromScale - toScale);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  let quotient = abs / divisor;
  if ((abs % divisor) * 2n >= divisor) quotient += 1n;
  return negative ? -quotient : quotient;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A scaled integer as text with `decimals` places and thousands separators. */
export function formatScaled(value: bigint, scale: number, decimals: number): string {
  const rounded = roundHalfUp(value, scale, decimals);
  const negative = rounded < 0n;
  const abs = (negative ? -rounded : rounded).toString().padStart(decimals + 1, '0');
  const whole = abs.slice(0, abs.length - decimals);
  const fraction = decimals > 0 ? `.${abs.slice(abs.length - decimals)}` : '';
  return `${negative ? '-' : ''}${groupThousands(whole)}${fraction}`;
}

/** 11300 → "11,300.00"; with `symbol`, "¥11,300.00". Empty input gives "—". */
export function formatMoney(input: string | number | null | undefined, options: { symbol?: boolean } = {}): string {
  const value = parseDecimal(input, 6);
  if (value === null) return '—';
  const text = formatScaled(value, 6, 2);
  if (!options.symbol) return text;
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}

/** Ledger columns leave zero cells blank, as printed account books do. */
export function formatLedgerAmount(input: string | number | null | undefined): string {
  const value = parseDecimal(input, 6);
  if (value === null || value === 0n) return '';
  return formatScaled(value, 6, 2);
}

/** "10.0000" → "10", "2.5000" → "2.5": quantities without trailing zeros. */
export function formatQuantity(input: string | number | null | undefined): string {
  const value = parseDecimal(input, 6);
  if (value === null) return '—';
  const text = formatScaled(value, 6, 6);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

export function isZero(input: string | number | null | undefined): boolean {
  return parseDecimal(input, 6) === 0n;
}

export interface LineAmounts {
  /** In fen (cents). */
  net: bigint;
  tax: bigint;
  gross: bigint;
}

/** Net = quantity × price, tax = net × rate, each half-up to the fen; gross = net + tax. */
export function lineAmounts(
  quantity: string | number | null | undefined,
  unitPrice: string | number | null | undefined,
  taxRate: string | number | null | undefined,
): LineAmounts | null {
  const q = parseDecimal(quantity, 4);
  const p = parseDecimal(unitPrice, 4);
  const r = parseDecimal(taxRate, 4);
  if (q === null || p === null || r === null) return null;
  const net = roundHalfUp(q * p, 8, 2);
  const tax = roundHalfUp(net * r, 6, 2);
  return { net, tax, gross: net + tax };
}

export function fenToText(fen: bigint, symbol = false): string {
  const text = formatScaled(fen, 2, 2);
  if (!symbol) return text;
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`;
}

/** Sum of decimal strings, in fen. */
export function sumFen(values: readonly (string | number | null | undefined)[]): bigint {
  return values.reduce<bigint>((acc, v) => acc + roundHalfUp(parseDecimal(v, 6) ?? 0n, 6, 2), 0n);
}

export function fenToDecimal(fen: bigint): string {
  return formatScaled(fen, 2, 2).replace(/,/g, '');
}
