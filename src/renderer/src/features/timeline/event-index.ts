/**
 * The events placed in time and sorted, with their starts in a typed array so that a window query
 * is two binary searches: events off-screen cost nothing, however many there are.
 */
import { bisectLeft, bisectRight } from 'd3-array'
import type { StudyEvent } from '$shared/pack-schema'
import { textComparer } from '../../domain/text-fold'
import { eventLabel, eventSpan } from './dates'
import type { TimeWindow } from './time-window'

/** One event placed in time: spans keep their length, a day is a point. */
export interface TimelineItem {
  id: string
  event: StudyEvent
  start: number
  end: number
  point: boolean
  /** What a screen reader and the label say: "Fort Ross established, 1812". */
  label: string
}

/** Events sorted by start, with the starts in a typed array for binary search. */
export interface TimelineIndex {
  items: TimelineItem[]
  starts: Float64Array
  /** The longest span, so a window query knows how far back a visible span can start. */
  maxDuration: number
  /** Where each event sits in `items`, for the keys (built once per index, not per key press). */
  positions: ReadonlyMap<string, number>
}

/** Places and sorts events (by start, then end, then title) for fast window queries. */
export function buildIndex(events: readonly StudyEvent[]): TimelineIndex {
  const items = events.map((event): TimelineItem => {
    const span = eventSpan(event.date)
    return { id: event.id, event, ...span, label: eventLabel(event) }
  })
  const byLabel = textComparer()
  items.sort((a, b) => a.start - b.start || a.end - b.end || byLabel(a.label, b.label))
  let maxDuration = 0
  for (const item of items) maxDuration = Math.max(maxDuration, item.end - item.start)
  return {
    items,
    starts: Float64Array.from(items, (i) => i.start),
    maxDuration,
    positions: new Map(items.map((item, i) => [item.id, i]))
  }
}

/** Where an event sits in the index, or -1 when it is not there (filtered out, or none). */
export function positionOf(index: TimelineIndex, id: string | undefined): number {
  return id === undefined ? -1 : (index.positions.get(id) ?? -1)
}

/** The position of the first event that starts at or after a time (the length when none does). */
export function firstStartingFrom(index: TimelineIndex, time: number): number {
  return bisectLeft(index.starts, time)
}

/**
 * The index range [first, last) that can hold events visible in a window: only events that start
 * at most `maxDuration` before it and no later than its end are ever looked at.
 */
export function candidateRange(index: TimelineIndex, window: TimeWindow): [number, number] {
  const first = bisectLeft(index.starts, window.start - index.maxDuration)
  const last = bisectRight(index.starts, window.end)
  return [first, Math.max(first, last)]
}

/** How many events overlap a window, for the message that says what is in view. */
export function countVisible(index: TimelineIndex, window: TimeWindow): number {
  const [first, last] = candidateRange(index, window)
  let n = 0
  for (let i = first; i < last; i++) if ((index.items[i] as TimelineItem).end >= window.start) n++
  return n
}
