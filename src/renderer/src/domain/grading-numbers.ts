/**
 * Typed numbers read as people write them anywhere: "77,000", "77.000", "77 000", "77k",
 * "1.784 billion", "1,784 million", "3rd", "third". Graded within a tolerance, small counts exactly.
 */

const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  thousands: 1e3,
  m: 1e6,
  mn: 1e6,
  mio: 1e6,
  million: 1e6,
  millions: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  billions: 1e9,
  t: 1e12,
  tn: 1e12,
  trillion: 1e12
}

const WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  ninety: 90
}

const UNITS = ['visitors', 'people', 'usd', 'dollars', 'tourists', 'years']

/**
 * The digits of a number with its separators resolved. Both "," and "." present: the last one is
 * the decimal mark. One kind repeated: thousands ("1.784.000"). One separator followed by exactly
 * three digits: thousands, except a "." before a scale word ("1.784 billion" is 1.784e9).
 */
function readDigits(raw: string, scaled: boolean): number {
  let digits = raw.replace(/[\s'’\u00a0\u202f]/g, '').replace(/[.,]$/, '')
  const commas = (digits.match(/,/g) ?? []).length
  const dots = (digits.match(/\./g) ?? []).length
  if (commas && dots) {
    const decimal = digits.lastIndexOf(',') > digits.lastIndexOf('.') ? ',' : '.'
    const group = decimal === ',' ? '.' : ','
    digits = digits.split(group).join('').replace(decimal, '.')
  } else if (commas + dots > 1) {
    digits = digits.replace(/[.,]/g, '')
  } else if (commas + dots === 1) {
    const mark = commas ? ',' : '.'
    const thousands = /^\d{1,3}[.,]\d{3}$/.test(digits) && !(mark === '.' && scaled)
    digits = thousands ? digits.replace(mark, '') : digits.replace(',', '.')
  }
  return Number(digits)
}

/** Reads a number written as people write it: "1.784 billion", "77 000", "US$1784000000", "3rd". */
export function parseNumber(text: string): number | null {
  const t = text
    .toLowerCase()
    .replace(/us\$|usd|\$|€|eur|mxn|rub|about|approximately|around|roughly|~/g, ' ')
    .trim()
  const word = /^([a-z]+)$/.exec(t)?.[1]
  if (word && word in WORDS) return WORDS[word]!
  const m = /(-?\d[\d\s,.'’\u00a0\u202f]*)\s*(?:(st|nd|rd|th)\b)?\s*([a-z]+)?/.exec(t)
  if (!m) return null
  const unit = m[3]
  const scale = unit ? SCALES[unit] : undefined
  if (unit && scale === undefined && !UNITS.includes(unit)) return null
  const value = readDigits(m[1]!, scale !== undefined)
  if (!Number.isFinite(value)) return null
  return value * (scale ?? 1)
}

/** The verdict on a typed number, with what it was read as. */
export interface NumericGrade {
  correct: boolean
  parsed: number | null
}

/** Grades a number within a relative tolerance (±5 % by default; ranks and counts below 20 exactly). */
export function gradeNumeric(attempt: string, expected: number, tolerance = 0.05): NumericGrade {
  const parsed = parseNumber(attempt)
  if (parsed === null) return { correct: false, parsed }
  const exact = Number.isInteger(expected) && Math.abs(expected) < 100
  const correct = exact
    ? parsed === expected
    : Math.abs(parsed - expected) <= tolerance * Math.abs(expected)
  return { correct, parsed }
}
