/**
 * What a session records: answers, orderings, bury and suspend, and their undo. An answer is
 * counted at once (due counts, tallies, undo) and written through a queue in answer order, so the
 * next card is shown without waiting for the commit; if a commit fails, every answer from it on is
 * taken back and the host is told which card to put back on screen. The session decides what is
 * shown; this decides what is saved.
 */
import { stateOf, type CardRow, type ReviewMode } from '../../domain/card-state'
import { schedule, type Rating } from '../../domain/scheduler'
import type { StudyStore } from '../../db/review-queue'
import { WriteQueue, WriteSkipped } from '../../lib/write-queue.svelte'
import { nextPaint } from '../../lib/after-paint'
import type { DueState } from './due-state.svelte'
import type { SessionTally } from './session-tally.svelte'
import type { Committed, UndoEntry, UndoStack } from './undo-stack.svelte'

type Change = { before: CardRow; after: CardRow }

/** What the recorder needs from its session. */
export interface RecorderHost {
  readonly store: StudyStore
  readonly retention: number
  readonly buryNew: boolean
  readonly buryReview: boolean
  /** The other cards of the same note (siblings), to bury with an answer. */
  siblingsOf(cardId: string): readonly string[]
  /** The session as it will stand once this answer is saved, saved in the same transaction. */
  snapshot(): unknown
  /** The setting key the session is saved under. */
  readonly settingKey: string
  /** A commit failed: the answers from it on are taken back; show this card again. */
  answerLost(row: CardRow, error: unknown): void
}

/** What undo took back: the card to show again (or an ordering to reopen). */
export type Undone =
  | { kind: 'card'; cardId: string }
  | { kind: 'ordering' }
  | { kind: 'cram'; cardId: string; rating: Rating }

export class AnswerRecorder {
  readonly writes = new WriteQueue()
  /** Cards whose answer is queued, with their siblings: not drawn again until it is saved. */
  readonly #inFlight = new Map<UndoEntry, readonly string[]>()
  /** The save last in the queue and not begun: a newer value of its key replaces its value. */
  #lastSave: { key: string; value: unknown; onError: (error: unknown) => void } | null = null

  constructor(
    private readonly host: RecorderHost,
    private readonly due: DueState,
    private readonly tally: SessionTally,
    private readonly undo: UndoStack
  ) {}

  /** The ids of cards with a write still queued (and their siblings). */
  get inFlight(): ReadonlySet<string> {
    return new Set([...this.#inFlight.values()].flat())
  }

  /**
   * Grades a card now and saves the grade behind the earlier ones: the counts, the tally and undo
   * change at once; the card's next state is computed here exactly as the store will (fuzz off).
   */
  answer(row: CardRow, rating: Rating, mode: ReviewMode, durationMs: number): CardRow {
    const h = this.host
    const now = Date.now()
    const after: CardRow = {
      ...row,
      ...schedule(stateOf(row), rating, now, h.retention),
      buriedUntil: 0
    }
    const wasNew = row.state === 0
    this.due.apply([{ before: row, after }])
    if (wasNew) this.due.introducedToday += 1
    this.tally.count(row.id, rating, wasNew, 1)
    const siblings = h.buryNew || h.buryReview ? h.siblingsOf(row.id) : []
    const record = {
      answer: { cardId: row.id, rating, mode, retention: h.retention, durationMs, now },
      siblings: {
        ids: [...siblings],
        buryNew: h.buryNew,
        buryReview: h.buryReview,
        until: this.due.cutoff
      },
      setting: { key: h.settingKey, value: h.snapshot() }
    }
    // Started once the next card is painted: the key press's task only draws.
    const saved = this.#queue(() => nextPaint().then(() => h.store.recordAnswer(record)))
    const entry: UndoEntry = {
      kind: 'answer',
      rows: [{ before: row, after }],
      ratings: [rating],
      commit: saved.then((r) => ({ logIds: [r.logId], buried: r.buried.map((b) => b.before) }))
    }
    // The failure is handled below, once; undo only needs to know the commit never happened.
    entry.commit.catch(() => {})
    this.#inFlight.set(entry, [row.id, ...siblings])
    this.undo.push(entry)
    saved.then(
      (r) => {
        this.#inFlight.delete(entry)
        this.due.apply(r.buried)
      },
      (error: unknown) => {
        this.#inFlight.delete(entry)
        if (!(error instanceof WriteSkipped)) this.#lost(entry, row, error)
      }
    )
    return after
  }

  /** Takes back every answer from the failed one on (none of them was saved), newest first. */
  #lost(failed: UndoEntry, row: CardRow, error: unknown): void {
    let entry: UndoEntry | undefined
    do {
      entry = this.undo.pop()
      if (entry?.kind === 'answer') this.#uncount(entry.rows, entry.ratings)
    } while (entry && entry !== failed)
    this.writes.reset()
    this.host.answerLost(row, error)
  }

  #uncount(rows: Change[], ratings: Rating[]): void {
    this.due.apply(rows, -1)
    rows.forEach(({ before }, i) => {
      if (before.state === 0) this.due.introducedToday -= 1
      this.tally.count(before.id, ratings[i]!, before.state === 0, -1)
    })
  }

  /** A write the caller waits for, behind the queued answers; a failure is thrown to the caller. */
  async write<T>(job: () => Promise<T>): Promise<T> {
    try {
      return await this.#queue(job)
    } catch (error) {
      if (!(error instanceof WriteSkipped)) this.writes.reset()
      throw error
    }
  }

  /** Queues a write other than a save: a save asked for after it is a write of its own. */
  #queue<T>(job: () => Promise<T>): Promise<T> {
    this.#lastSave = null
    return this.writes.run(job)
  }

  /**
   * Saves a value behind the queued answers; a failure is reported, and blocks nothing. Saves of
   * one key in a row (the card shown, then its answer side) are one write of the newest value:
   * back to back, each answer was followed by two more transactions.
   */
  save(key: string, value: unknown, onError: (error: unknown) => void): void {
    const last = this.#lastSave
    if (last?.key === key) {
      last.value = value
      last.onError = onError
      return
    }
    const entry = { key, value, onError }
    this.#lastSave = entry
    void this.writes.run(() => {
      if (this.#lastSave === entry) this.#lastSave = null
      return this.host.store.writeSetting(entry.key, entry.value).catch(entry.onError)
    })
  }

  /** Grades an ordering's cards in one transaction, waiting for it. */
  async answerMany(
    graded: { cardId: string; rating: Rating }[],
    mode: ReviewMode,
    durationMs: number
  ): Promise<void> {
    const h = this.host
    const inputs = graded.map((g) => ({ ...g, mode, retention: h.retention, durationMs }))
    const results = await this.write(() => h.store.answerCards(inputs))
    this.due.apply(results)
    results.forEach((r, i) => {
      if (r.before.state === 0) this.due.introducedToday += 1
      this.tally.count(r.before.id, graded[i]!.rating, r.before.state === 0)
    })
    const committed: Committed = { logIds: results.map((r) => r.logId), buried: [] }
    this.undo.push({
      kind: 'answer',
      rows: results,
      ratings: graded.map((g) => g.rating),
      commit: Promise.resolve(committed)
    })
  }

  /** A bury or a suspend of the card shown, waited for, and undoable. */
  async change(write: () => Promise<Change>): Promise<void> {
    const change = await this.write(write)
    this.due.apply([change])
    this.undo.push({ kind: 'change', ...change })
  }

  /** A cram answer: tallied and undoable, never saved. */
  cram(cardId: string, rating: Rating): void {
    this.undo.push({ kind: 'cram', cardId, rating })
    this.tally.count(cardId, rating, false, 1)
  }

  /** Takes back the last answer, bury or suspend; null when there is nothing (or it was lost). */
  async undoLast(): Promise<Undone | null> {
    const entry = this.undo.pop()
    if (!entry) return null
    if (entry.kind === 'cram') {
      this.tally.count(entry.cardId, entry.rating, false, -1)
      return { kind: 'cram', cardId: entry.cardId, rating: entry.rating }
    }
    if (entry.kind === 'change') {
      await this.write(() => this.host.store.restoreCards([entry.before]))
      this.due.apply([entry], -1)
      return { kind: 'card', cardId: entry.before.id }
    }
    const committed = await entry.commit.catch(() => null)
    // A lost answer was taken back when its commit failed: nothing is left to undo.
    if (!committed) return null
    await this.write(async () => {
      for (const logId of [...committed.logIds].reverse()) await this.host.store.undoAnswer(logId)
      await this.host.store.restoreCards(committed.buried)
    })
    const buried = committed.buried.map((before) => ({
      before,
      after: { ...before, buriedUntil: this.due.cutoff }
    }))
    this.due.apply(buried, -1)
    this.#uncount(entry.rows, entry.ratings)
    if (entry.rows.length > 1) return { kind: 'ordering' }
    return { kind: 'card', cardId: entry.rows[0]!.before.id }
  }

  /**
   * Gives the last single answer another rating (the student overrules the automatic verdict):
   * undone and answered again in the same mode. False when there is no such answer.
   */
  async overrule(rating: Rating, mode: ReviewMode): Promise<boolean> {
    const top = this.undo.peek()
    if (top?.kind === 'cram') {
      this.undo.pop()
      this.tally.count(top.cardId, top.rating, false, -1)
      this.cram(top.cardId, rating)
      return true
    }
    if (top?.kind !== 'answer' || top.rows.length !== 1) return false
    const committed = await top.commit.catch(() => null)
    if (!committed || committed.logIds.length !== 1) return false
    const h = this.host
    const cardId = top.rows[0]!.before.id
    const again = await this.write(async () => {
      await h.store.undoAnswer(committed.logIds[0]!)
      return h.store.answerCard({ cardId, rating, mode, retention: h.retention, durationMs: 0 })
    })
    this.undo.pop()
    this.#uncount(top.rows, top.ratings)
    this.due.apply([again])
    this.tally.count(cardId, rating, again.before.state === 0, 1)
    if (again.before.state === 0) this.due.introducedToday += 1
    this.undo.push({
      kind: 'answer',
      rows: [again],
      ratings: [rating],
      commit: Promise.resolve({ logIds: [again.logId], buried: committed.buried })
    })
    return true
  }

  /** Forgets the session's history (a new session). */
  clear(): void {
    this.undo.clear()
  }
}
