/** The one formatting module: counts, a session's time and totals over days. */

/**
 * "10,000": a whole number with its thousands grouped, as `toLocaleString('en-US')` writes it.
 * Written out because the first `toLocaleString` of a page starts ICU's number formatting, 15 to
 * 25 ms that fell on the timeline's first draw (its event count); grouping needs none of it.
 */
export function formatCount(n: number): string {
  const digits = String(Math.abs(Math.round(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return n < 0 && Math.round(n) !== 0 ? `-${digits}` : digits
}

/** "1 card", "10,000 cards", "2 other computers": a count with its noun, grouped like formatCount. */
export function formatCountOf(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

/** "4 min 05 s": a study session's time, to the second (the summary at its end). */
export function formatSessionTime(ms: number): string {
  const s = Math.round(ms / 1000)
  if (s < 60) return `${s} s`
  const m = Math.floor(s / 60)
  return `${m} min ${String(s % 60).padStart(2, '0')} s`
}

/** "45 s", "12 min", "3 h 05 min": time spent over a day or over all days (progress totals). */
export function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.round(seconds / 60)
  if (minutes < 60) return `${minutes} min`
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`
}

/** The English month names, January first (the article's dates are written with them). */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December'
]
