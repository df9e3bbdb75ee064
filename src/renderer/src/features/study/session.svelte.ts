/**
 * The state of one study session: the card shown, the due counts (kept in memory and adjusted from
 * each before/after state, never recounted), the quiz in progress, undo, and the summary.
 * The components only read it and call its methods; it alone talks to the study store.
 */
import type { Pack, StudyEvent } from '$shared/pack-schema'
import type { CardRow, ReviewMode } from '../../domain/card-state'
import {
  answerCard,
  answerCards,
  buryCard,
  countDue,
  getCard,
  getCards,
  newIntroducedSince,
  nextCard,
  peekNextCard,
  restoreCard,
  setSuspended,
  syncCardIds,
  undoAnswer
} from '../../db/study-store'
import { cardIds } from '../../domain/card-ids'
import { eventSortKey } from '../../domain/cards'
import type { StudyContent } from '../../domain/content'
import { gradeNumeric, gradeOrder, gradeTyped, misplaced } from '../../domain/grading'
import {
  choiceOptions,
  hashString,
  modeFor,
  orderingSet,
  quizRating,
  shuffle,
  seededRandom,
  type ChoiceQuestion
} from '../../domain/quiz'
import { previewDue, type Rating } from '../../domain/scheduler'
import type { StudyCard } from '../../domain/study-card'
import {
  adjustCounts,
  bucketOf,
  newShown,
  nextStudyDay,
  studyDayStart,
  type Bucket,
  type DueCounts
} from '../../domain/study-queue'
import { filterIds, idSet, type StudyFilter } from './lib'

export type QuizMode = 'flip' | 'choice' | 'typed' | 'order'

export interface QuizResult {
  pass: boolean
  rating: Rating
  /** What the user gave, as shown back. */
  given: string
  detail?: string
}

type UndoEntry =
  | {
      kind: 'answer'
      logIds: number[]
      rows: { before: CardRow; after: CardRow }[]
      /** How many of the rows were graded Again. */
      again: number
    }
  | { kind: 'change'; before: CardRow; after: CardRow }
  | { kind: 'cram'; cardId: string; again: boolean }

interface Current {
  card: StudyCard
  row: CardRow
}

/** Why a session shows its summary without having reviewed anything. */
export type EmptyReason =
  /** The era and theme chosen keep no card at all. */
  | 'no-match'
  /** Put in order: fewer than two events to order (filters, or nothing introduced yet). */
  | 'too-few-events'
  /** Cards match, but none is due now. */
  | 'nothing-due'

export interface OrderResult {
  /** Events in place (not among those graded Again). */
  inPlace: number
  total: number
  /** Pairs in the right order, of all pairs. */
  pairs: number
  pairTotal: number
  /** Ids of the events graded Again: out of place. */
  misplacedIds: string[]
}

export const RATING_LABELS: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' }

export class StudySession {
  readonly pack: Pack
  readonly cards: readonly StudyCard[]
  readonly byId: ReadonlyMap<string, StudyCard>

  phase = $state<'loading' | 'question' | 'answer' | 'done' | 'order' | 'order-checked'>('loading')
  current = $state<Current | null>(null)
  counts = $state<DueCounts>({ new: 0, learning: 0, review: 0 })
  introducedToday = $state(0)
  retention = $state(0.9)
  newPerDay = $state(20)
  mode = $state<QuizMode>('flip')
  cram = $state(false)
  filter = $state<StudyFilter>({ era: '', theme: '', card: '' })
  choice = $state<ChoiceQuestion | null>(null)
  result = $state<QuizResult | null>(null)
  orderItems = $state<StudyEvent[]>([])
  orderResult = $state<OrderResult | null>(null)
  /** Counts every new ordering set, so the page can put the focus on it. */
  orderRound = $state(0)
  emptyReason = $state<EmptyReason | null>(null)
  undoCount = $state(0)
  reviewed = $state(0)
  again = $state(0)
  startedAt = $state(Date.now())
  endedAt = $state(0)

  #undo: UndoEntry[] = []
  #shownAt = 0
  #filterSet: ReadonlySet<string> | undefined
  #cutoff = 0
  #cramQueue: string[] = []
  #seed = 1
  #lastId = ''
  /** The next card drawn while the current one is shown (see `peekNextCard`). */
  #ahead: Promise<{
    row: CardRow | undefined
    learningDueAt: number
    skipId: string
    allowNew: boolean
  } | null> | null = null

  constructor(content: StudyContent) {
    this.pack = content.pack
    this.cards = content.cards
    this.byId = content.cardById
  }

  /** New cards still shown today under the limit. */
  get newVisible(): number {
    return newShown(this.counts.new, this.introducedToday, this.newPerDay)
  }

  /** The bucket of the card shown (underlined in the counts, as Anki does). */
  get currentBucket(): Bucket | null {
    if (!this.current || this.cram) return null
    return bucketOf(this.current.row, Date.now(), this.#cutoff) ?? 'learning'
  }

  /** The next interval of each answer button, from the scheduler's preview. */
  get intervals(): Record<Rating, number> | null {
    if (!this.current || this.cram) return null
    const now = Date.now()
    const due = previewDue(this.current.row, now, this.retention)
    return { 1: due[1] - now, 2: due[2] - now, 3: due[3] - now, 4: due[4] - now }
  }

  /** Syncs the pack, counts once, and draws the first card. */
  async start(options: { sync?: boolean } = {}): Promise<void> {
    this.phase = 'loading'
    const now = Date.now()
    if (options.sync !== false) {
      await syncCardIds(
        this.cards.map((c) => c.id),
        now
      )
    }
    this.#cutoff = nextStudyDay(now)
    this.#filterSet = filterIds(this.cards, this.filter)
    this.#undo = []
    this.#ahead = null
    this.undoCount = 0
    this.reviewed = 0
    this.again = 0
    this.emptyReason = null
    this.startedAt = now
    this.endedAt = 0
    this.#seed = hashString(String(now))
    const [counts, introduced] = await Promise.all([
      countDue(now, this.#cutoff, this.#filterSet),
      newIntroducedSince(studyDayStart(now))
    ])
    this.counts = counts
    this.introducedToday = introduced
    if (this.cram) {
      const ids = this.#filterSet ? [...this.#filterSet] : this.cards.map((c) => c.id)
      this.#cramQueue = shuffle(ids, seededRandom(this.#seed))
    }
    await this.#advance()
  }

  async #advance(): Promise<void> {
    this.result = null
    this.choice = null
    this.orderResult = null
    if (this.mode === 'order') {
      await this.#newOrderSet()
      return
    }
    const next = this.cram ? await this.#nextCram() : await this.#nextScheduled()
    const card = next && this.byId.get(next.id)
    if (!next || !card) {
      // Nothing left, or a row of a card this pack no longer makes (the sync retires it).
      this.#finish(this.#filterSet?.size === 0 ? 'no-match' : 'nothing-due')
      return
    }
    this.current = { card, row: next }
    this.#lastId = next.id
    if (!this.cram) this.#prefetch(next.id)
    if (this.mode === 'choice') {
      this.choice = choiceOptions(card, this.cards, this.pack, this.#seed + this.reviewed)
    }
    this.#shownAt = Date.now()
    this.phase = 'question'
  }

  /** Starts drawing the card after the one shown. */
  #prefetch(shownId: string): void {
    const allowNew = this.newVisible > 0
    this.#ahead = peekNextCard({
      now: Date.now(),
      cutoff: this.#cutoff,
      allowNew,
      filter: this.#filterSet,
      skip: idSet(shownId)
    })
      .then((found) => ({ ...found, skipId: shownId, allowNew }))
      .catch(() => null)
  }

  /** The prefetched card, if it is still the right one to show now. */
  async #takeAhead(): Promise<CardRow | undefined> {
    const pending = this.#ahead
    this.#ahead = null
    const ahead = pending && (await pending)
    if (!ahead?.row || ahead.skipId !== this.#lastId) return undefined
    // A learning card fell due meanwhile, or the daily new limit was reached: draw afresh.
    const stale =
      Date.now() >= ahead.learningDueAt && (ahead.row.state === 0 || ahead.row.state === 2)
    if (stale) return undefined
    if (ahead.row.state === 0 && this.newVisible === 0) return undefined
    return ahead.row
  }

  async #nextScheduled(): Promise<CardRow | undefined> {
    const prefetched = await this.#takeAhead()
    if (prefetched) return prefetched
    const query = {
      now: Date.now(),
      cutoff: this.#cutoff,
      allowNew: this.newVisible > 0,
      filter: this.#filterSet
    }
    // The card just answered comes back (learning ahead) only when nothing else is left.
    const skip = this.#lastId ? idSet(this.#lastId) : undefined
    return (await nextCard({ ...query, skip })) ?? (await nextCard(query))
  }

  async #nextCram(): Promise<CardRow | undefined> {
    const id = this.#cramQueue[0]
    if (!id) return undefined
    return getCard(id)
  }

  /** Ends the session: the summary, with the reason when nothing was reviewed. */
  #finish(reason: EmptyReason): void {
    this.current = null
    this.endedAt = Date.now()
    this.emptyReason = this.reviewed > 0 ? null : reason
    this.phase = 'done'
  }

  /** Shows the answer of a flip card. */
  reveal(): void {
    if (this.phase === 'question' && this.mode === 'flip') this.phase = 'answer'
  }

  /** Grades the card shown (flip mode, or the rating of a finished quiz). */
  async grade(rating: Rating, mode: ReviewMode = 'flip'): Promise<void> {
    const current = this.current
    if (!current) return
    const durationMs = Date.now() - this.#shownAt
    if (this.cram) {
      this.#cramQueue.shift()
      if (rating === 1) this.#cramQueue.push(current.card.id)
      this.#undo.push({ kind: 'cram', cardId: current.card.id, again: rating === 1 })
    } else {
      const result = await answerCard({
        cardId: current.card.id,
        rating,
        mode,
        retention: this.retention,
        durationMs
      })
      this.#applyAnswer([result])
      this.#undo.push({
        kind: 'answer',
        logIds: [result.logId],
        rows: [result],
        again: rating === 1 ? 1 : 0
      })
    }
    this.undoCount = this.#undo.length
    this.reviewed += 1
    if (rating === 1) this.again += 1
  }

  #applyAnswer(results: { before: CardRow; after: CardRow }[], sign: 1 | -1 = 1): void {
    const now = Date.now()
    let counts = this.counts
    for (const { before, after } of results) {
      counts =
        sign === 1
          ? adjustCounts(counts, before, after, now, this.#cutoff)
          : adjustCounts(counts, after, before, now, this.#cutoff)
      if (before.state === 0) this.introducedToday += sign
    }
    this.counts = counts
  }

  /** Flip mode: grade and go on. */
  async answer(rating: Rating): Promise<void> {
    if (this.phase !== 'answer' || this.mode !== 'flip') return
    await this.grade(rating, 'flip')
    await this.#advance()
  }

  /** Multiple choice: grades the chosen option at once (pass → Good, fail → Again). */
  async choose(index: number): Promise<void> {
    if (this.phase !== 'question' || !this.choice || !this.current) return
    const pass = index === this.choice.correctIndex
    const rating = quizRating(pass)
    await this.grade(rating, 'choice')
    this.result = { pass, rating, given: this.choice.options[index] ?? '' }
    this.phase = 'answer'
  }

  /** Typed answers (numbers for trade figures): graded forgivingly, then fed to the schedule. */
  async submitTyped(text: string): Promise<void> {
    if (this.phase !== 'question' || !this.current) return
    const card = this.current.card
    const mode = modeFor(card, 'typed')
    let pass: boolean
    let detail: string | undefined
    if (mode === 'numeric') {
      const figure = this.pack.trade.figures.find((f) => cardIds.figure(f.id) === card.id)
      const graded = gradeNumeric(text, figure?.value ?? NaN)
      pass = graded.correct
      detail =
        graded.parsed === null
          ? 'That could not be read as a number.'
          : `Read as ${graded.parsed.toLocaleString('en-US')}; within 5 % counts as right.`
    } else {
      const graded = gradeTyped(text, card)
      pass = graded.correct
      if (pass && !graded.exact) detail = 'Close enough: small differences are forgiven.'
      if (!pass && card.parts) {
        detail = card.ordered
          ? 'Both parts are needed, in the order asked.'
          : `All ${card.parts.length} are needed, in any order.`
      }
    }
    const rating = quizRating(pass)
    await this.grade(rating, mode)
    this.result = { pass, rating, given: text, detail }
    this.phase = 'answer'
  }

  /** After a graded quiz answer: the next card. */
  async continue(): Promise<void> {
    if (this.phase === 'order-checked') {
      await this.#newOrderSet()
      return
    }
    if (this.phase !== 'answer' || !this.result) return
    await this.#advance()
  }

  /** Undoes the last answer, bury or suspend, and shows that card again. */
  async undo(): Promise<void> {
    const entry = this.#undo.pop()
    this.undoCount = this.#undo.length
    if (!entry) return
    this.#ahead = null
    let cardId: string
    if (entry.kind === 'cram') {
      if (entry.again) this.#cramQueue.pop()
      this.#cramQueue.unshift(entry.cardId)
      cardId = entry.cardId
      this.reviewed = Math.max(0, this.reviewed - 1)
      if (entry.again) this.again = Math.max(0, this.again - 1)
    } else if (entry.kind === 'answer') {
      for (const logId of [...entry.logIds].reverse()) await undoAnswer(logId)
      this.#applyAnswer(entry.rows, -1)
      this.reviewed = Math.max(0, this.reviewed - entry.rows.length)
      this.again = Math.max(0, this.again - entry.again)
      cardId = entry.rows[0]!.before.id
      if (entry.logIds.length > 1) {
        // An ordering: show the same set again, unchecked.
        this.orderResult = null
        this.phase = 'order'
        return
      }
    } else {
      await restoreCard(entry.before)
      this.counts = adjustCounts(this.counts, entry.after, entry.before, Date.now(), this.#cutoff)
      cardId = entry.before.id
    }
    const card = this.byId.get(cardId)
    const row = await getCard(cardId)
    if (!card || !row) return
    this.current = { card, row }
    this.#lastId = cardId
    if (!this.cram) this.#prefetch(cardId)
    this.result = null
    this.choice =
      this.mode === 'choice'
        ? choiceOptions(card, this.cards, this.pack, this.#seed + this.reviewed)
        : null
    this.#shownAt = Date.now()
    this.phase = 'question'
  }

  /** Buries the card shown until the next study day. */
  async bury(): Promise<void> {
    const current = this.current
    if (!current || this.cram) return
    const change = await buryCard(current.card.id, this.#cutoff)
    this.#changed(change)
  }

  /** Suspends the card shown (undo or the progress view brings it back). */
  async suspend(): Promise<void> {
    const current = this.current
    if (!current || this.cram) return
    const change = await setSuspended(current.card.id, true)
    this.#changed(change)
  }

  #changed(change: { before: CardRow; after: CardRow }): void {
    this.counts = adjustCounts(this.counts, change.before, change.after, Date.now(), this.#cutoff)
    this.#undo.push({ kind: 'change', ...change })
    this.undoCount = this.#undo.length
    void this.#advance()
  }

  /**
   * Draws events to put in order. In a scheduled session only events whose "when" card was
   * already introduced, plus new ones within today's new-card limit (they count against it once
   * graded), so an ordering never brings in more new cards than the limit allows.
   */
  async #newOrderSet(): Promise<void> {
    let events = this.pack.events.filter(
      (e) =>
        this.byId.has(cardIds.eventWhen(e.id)) &&
        (!this.#filterSet || this.#filterSet.has(cardIds.eventWhen(e.id)))
    )
    if (!this.cram && events.length >= 2) {
      const rows = await getCards(events.map((e) => cardIds.eventWhen(e.id)))
      const now = Date.now()
      const usable = rows.filter((r) => !r.retired && !r.suspended && r.buriedUntil <= now)
      const eventOf = (cardId: string) => events.find((e) => cardIds.eventWhen(e.id) === cardId)!
      const allowed = usable.filter((r) => r.state !== 0).map((r) => eventOf(r.id))
      // New ones in the order they are introduced, skipping a date already there (two events of
      // one date cannot be ordered against each other, so one would be a wasted new card).
      const dates = allowed.map(eventSortKey)
      let room = this.newVisible
      for (const row of usable.filter((r) => r.state === 0).sort((a, b) => a.due - b.due)) {
        const event = eventOf(row.id)
        if (room <= 0) break
        if (dates.includes(eventSortKey(event))) continue
        allowed.push(event)
        dates.push(eventSortKey(event))
        room -= 1
      }
      events = allowed
    }
    this.orderRound += 1
    const count = 4 + (this.orderRound % 3)
    this.orderItems =
      events.length >= 2 ? orderingSet(events, count, this.#seed + this.orderRound) : []
    this.orderResult = null
    if (!this.orderItems.length) {
      this.#finish(this.#filterSet?.size === 0 ? 'no-match' : 'too-few-events')
      return
    }
    this.current = null
    this.#shownAt = Date.now()
    this.phase = 'order'
  }

  /** Moves an item of the ordering up (-1) or down (+1). */
  moveOrderItem(index: number, delta: -1 | 1): number {
    const to = index + delta
    if (this.phase !== 'order' || to < 0 || to >= this.orderItems.length) return index
    const items = [...this.orderItems]
    ;[items[index], items[to]] = [items[to]!, items[index]!]
    this.orderItems = items
    return to
  }

  /** Moves an item to another place (drag and drop). */
  placeOrderItem(from: number, to: number): void {
    if (this.phase !== 'order' || from === to) return
    const items = [...this.orderItems]
    const [moved] = items.splice(from, 1)
    items.splice(to, 0, moved!)
    this.orderItems = items
  }

  /**
   * Checks the ordering. Each event's "when" card is graded on its own: Again for the events out
   * of place (all but a longest run already in the right relative order, i.e. the fewest that
   * moving would fix it), Good for the others. The pairs in the right order are shown as a score.
   */
  async checkOrder(): Promise<void> {
    if (this.phase !== 'order') return
    const items = this.orderItems
    const pairs = gradeOrder(items, eventSortKey)
    const wrong = idSet(...misplaced(items, eventSortKey).map((i) => items[i]!.id))
    const durationMs = (Date.now() - this.#shownAt) / Math.max(1, items.length)
    const graded = items
      .map((e) => ({ cardId: cardIds.eventWhen(e.id), rating: quizRating(!wrong.has(e.id)) }))
      .filter((g) => this.byId.has(g.cardId))
    const again = graded.filter((g) => g.rating === 1).length
    if (!this.cram) {
      const results = await answerCards(
        graded.map((g) => ({
          ...g,
          mode: 'order' as const,
          retention: this.retention,
          durationMs
        }))
      )
      this.#applyAnswer(results)
      this.#undo.push({
        kind: 'answer',
        logIds: results.map((r) => r.logId),
        rows: results,
        again
      })
      this.undoCount = this.#undo.length
    }
    this.reviewed += graded.length
    this.again += again
    this.orderResult = {
      inPlace: items.length - wrong.size,
      total: items.length,
      pairs: pairs.correct,
      pairTotal: pairs.total,
      misplacedIds: [...wrong]
    }
    this.phase = 'order-checked'
  }
}
