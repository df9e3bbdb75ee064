/**
 * The "Put in order" exercise of a session: the set of events drawn, moved by the student, then
 * checked: each event's "when" card graded on its own, Again for the events out of place.
 */
import type { StudyEvent } from '$shared/pack-schema'
import { eventSortKey } from '../../domain/cards'
import { gradeOrder, misplaced } from '../../domain/grading'
import { orderingSet, quizRating } from '../../domain/quiz'
import type { Rating } from '../../domain/scheduler'
import { idSet } from './lib'
import { drawOrder, whenCardId } from './order-selection'
import type { StudySession } from './session.svelte'

export interface OrderResult {
  /** Events in place (not among those graded Again). */
  inPlace: number
  total: number
  /** Pairs in the right order, of all pairs. */
  pairs: number
  pairTotal: number
  /** Ids of the events out of place (graded Again when they were due). */
  misplacedIds: string[]
  /** How many of the events were graded (the due ones). */
  graded: number
}

export class OrderExerciseState {
  items = $state<StudyEvent[]>([])
  result = $state<OrderResult | null>(null)
  /** Counts every new ordering set, so the page can put the focus on it. */
  round = $state(0)
  /** The ids of the events graded when checked (due today); the others are there as context. */
  graded = $state<string[]>([])

  constructor(private readonly session: StudySession) {}

  /** Draws the next set of events to put in order (or ends the session when none is left). */
  newSet = async (): Promise<void> => {
    const s = this.session
    const events = s.pack.events.filter(
      (e) => s.byId.has(whenCardId(e)) && (!s.filterSet || s.filterSet.has(whenCardId(e)))
    )
    this.round += 1
    const count = 4 + (this.round % 3)
    const seed = s.seed + this.round
    let nothingDue = false
    if (s.cram) {
      this.items = events.length >= 2 ? orderingSet(events, count, seed) : []
      this.graded = this.items.map((e) => e.id)
    } else {
      const epoch = s.epoch
      await s.recorder.writes.idle()
      const rows = events.length >= 2 ? await s.store.getCards(events.map(whenCardId)) : []
      if (epoch !== s.epoch) return // a later start draws its own set
      const draw = drawOrder(events, rows, Date.now(), s.due.cutoff, count, seed)
      this.items = draw.items
      this.graded = draw.graded
      nothingDue = draw.seen >= 2 && draw.due === 0
    }
    this.result = null
    if (!this.items.length) {
      const empty = s.filterSet?.size === 0 ? 'no-match' : nothingDue ? 'nothing-due' : null
      await s.finish(empty ?? 'too-few-events')
      return
    }
    s.orderShown()
  }

  /** After an undo: the same set again, unchecked. */
  reopen = (): void => {
    this.result = null
    this.session.phase = 'order'
  }

  /** Moves an item of the ordering up (-1) or down (+1); returns where it now is. */
  move = (index: number, delta: -1 | 1): number => {
    const to = index + delta
    if (this.session.phase !== 'order' || to < 0 || to >= this.items.length) return index
    const items = [...this.items]
    ;[items[index], items[to]] = [items[to]!, items[index]!]
    this.items = items
    return to
  }

  /** Moves an item to another place (drag and drop). */
  place = (from: number, to: number): void => {
    if (this.session.phase !== 'order' || from === to) return
    const items = [...this.items]
    const [moved] = items.splice(from, 1)
    items.splice(to, 0, moved!)
    this.items = items
  }

  /**
   * Checks the ordering. Each event's "when" card is graded on its own: Again for the events out
   * of place (all but a longest run already in the right relative order, i.e. the fewest that
   * moving would fix it), Good for the others. The pairs in the right order are shown as a score.
   */
  check = async (): Promise<void> => {
    const s = this.session
    if (s.phase !== 'order') return
    const items = this.items
    const pairs = gradeOrder(items, eventSortKey)
    const wrong = idSet(...misplaced(items, eventSortKey).map((i) => items[i]!.id))
    const durationMs = (Date.now() - s.shownAt) / Math.max(1, items.length)
    const asked = idSet(...this.graded)
    const graded = items
      .filter((e) => asked.has(e.id))
      .map((e) => ({ cardId: whenCardId(e), rating: quizRating(!wrong.has(e.id)) }))
      .filter((g) => s.byId.has(g.cardId))
    await this.#record(graded, durationMs)
    this.result = {
      inPlace: items.length - wrong.size,
      total: items.length,
      pairs: pairs.correct,
      pairTotal: pairs.total,
      misplacedIds: [...wrong],
      graded: graded.length
    }
    s.phase = 'order-checked'
  }

  /** Records the ordering's answers in one transaction (in cram mode only in the tallies). */
  async #record(graded: { cardId: string; rating: Rating }[], durationMs: number): Promise<void> {
    const s = this.session
    if (s.cram) {
      for (const g of graded) s.tally.count(g.cardId, g.rating, false)
      return
    }
    await s.recorder.answerMany(graded, 'order', durationMs)
  }
}
