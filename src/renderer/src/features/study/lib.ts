/** Pure helpers of the study screen: which cards a filter keeps, settings bounds, typing targets. */
import type { StudyCard } from '../../domain/study-card'

export const RETENTION_MIN = 0.7
export const RETENTION_MAX = 0.99
export const DEFAULT_NEW_PER_DAY = 20

export interface StudyFilter {
  era: string
  theme: string
  /** One card only (a "study this card" link). */
  card: string
  /** A list of cards (the ones missed in a practice test). */
  cards?: readonly string[]
}

/** The ids a filter keeps, or undefined when it keeps everything (so indexed counts are used). */
export function filterIds(
  cards: readonly StudyCard[],
  filter: StudyFilter
): Set<string> | undefined {
  if (!filter.era && !filter.theme && !filter.card && !filter.cards?.length) return undefined
  const listed = filter.cards?.length ? new Set(filter.cards) : undefined
  return new Set(
    cards
      .filter(
        (c) =>
          (!filter.card || c.id === filter.card) &&
          (!listed || listed.has(c.id)) &&
          (!filter.era || c.era === filter.era) &&
          (!filter.theme || c.themes.includes(filter.theme as StudyCard['themes'][number]))
      )
      .map((c) => c.id)
  )
}

/** A desired retention kept within 0.70–0.99, two decimals. */
export function clampRetention(value: unknown, fallback = 0.9): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : fallback
  return Math.round(Math.min(RETENTION_MAX, Math.max(RETENTION_MIN, n)) * 100) / 100
}

/** A daily new-card limit kept within 0–9999. */
export function clampNewPerDay(value: unknown): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_NEW_PER_DAY
  return Math.round(Math.min(9999, Math.max(0, n)))
}

/** True when a key press belongs to a text field or a control, not to the reviewer. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false
  const el = target as Element
  const field = el.closest(
    'input, textarea, select, [contenteditable="true"], [contenteditable=""]'
  )
  if (!field) return false
  // Radio buttons, checkboxes and sliders take no letters: the reviewer's keys still work there.
  return !(
    field.tagName === 'INPUT' &&
    ['radio', 'checkbox', 'range'].includes((field as HTMLInputElement).type)
  )
}

/** A fixed set of ids for one query (not reactive state). */
export function idSet(...ids: string[]): ReadonlySet<string> {
  return new Set(ids)
}
