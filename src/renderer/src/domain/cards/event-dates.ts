/**
 * Event dates as the cards use them: the label the source gives, a sort key, and which dates the
 * article's precision lets one tell apart ("2014" and "August 2014" cannot be ordered).
 */
import type { EventDate, StudyEvent } from '$shared/pack-schema'

/** Sort key of a date: year, then month, then day (unknown parts sort first). */
export function dateSortKey(d: EventDate): number {
  const month = d.precision === 'day' || d.precision === 'month' ? d.month : 0
  const day = d.precision === 'day' ? d.day : 0
  return d.year * 10_000 + month * 100 + day
}

/** Sort key of an event date: year, then month, then day (unknown parts sort first). */
export function eventSortKey(event: StudyEvent): number {
  return dateSortKey(event.date)
}

/**
 * An event's date as shown: the source's own wording without its leading "in"/"on" ("in November
 * 1942" → "November 1942", "In 1806" → "1806"). Also the answer to "when".
 */
export function eventDateLabel(event: StudyEvent): string {
  const text = event.dateText.replace(/^(in|on)\s+/i, '')
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** The first and last day a date may stand for, as yyyymmdd numbers ("1806" → 18060101–18061231). */
export function dateBounds(d: EventDate): [number, number] {
  switch (d.precision) {
    case 'day':
      return [dateSortKey(d), dateSortKey(d)]
    case 'month':
      return [dateSortKey(d) + 1, dateSortKey(d) + 31]
    case 'year':
      return [d.year * 10_000 + 101, d.year * 10_000 + 1231]
    case 'range':
      return [d.year * 10_000 + 101, d.endYear * 10_000 + 1231]
  }
}

/**
 * Which of two events came first as far as their dates, at their precision, settle it: -1 when
 * `a` did, 1 when `b` did, 0 when the dates overlap ("2014" and "August 2014", "1917" and
 * "1910-1920") or are the same, so that either order may be true.
 */
export function settledOrder(a: StudyEvent, b: StudyEvent): -1 | 0 | 1 {
  const [a0, a1] = dateBounds(a.date)
  const [b0, b1] = dateBounds(b.date)
  if (a1 < b0) return -1
  if (b1 < a0) return 1
  return 0
}

/**
 * True when two events could have happened at the same time, so that "what happened then?" fits
 * both: their years overlap, and where both give a month (or a day) it is the same one.
 */
export function datesOverlap(a: StudyEvent, b: StudyEvent): boolean {
  return settledOrder(a, b) === 0
}
