/**
 * The state of one study session: the card shown and whether it is revealed, the quiz in progress,
 * the next card drawn ahead, the summary's "go on" choices, and the saved copy that lets the session
 * outlast a look-up or a reload. What is recorded (answers through a write queue, undo, the due
 * counts and tallies) is the recorder's; the components only read the session and call its methods.
 */
import type { Pack } from '$shared/pack-schema'
import type { CardRow, ReviewMode } from '../../domain/card-state'
import type { StudyContent } from '../../domain/content'
import { choiceOptions, hashString, quizRating, type ChoiceQuestion } from '../../domain/quiz'
import type { Rating } from '../../domain/scheduler'
import type { StudyCard } from '../../domain/study-card'
import {
  newCardPlacing,
  nextStudyDay,
  siblingIndex,
  studyDayStart,
  type NewCardOrder
} from '../../domain/study-queue'
import { studyStore, type StudyStore } from '../../db/review-queue'
import { AnswerRecorder, type RecorderHost } from './answer-recorder'
import { CardQueue, type QueueContext } from './card-queue'
import { CramQueue } from './cram-queue'
import {
  RATING_LABELS,
  answerAnnouncement,
  gradeTypedAnswer,
  verdictText,
  type QuizResult
} from './feedback'
import { filterIds, idSet, type StudyFilter } from './lib'
import { OrderExerciseState } from './order-exercise.svelte'
import type { QuizMode } from './query'
import type { EmptyReason, Phase } from './keys'
import { SESSION_SETTING, resumable, sessionKey, type SavedSession } from './saved-session'
import { SessionTally } from './session-tally.svelte'
import { UndoStack } from './undo-stack.svelte'
import { DueState } from './due-state.svelte'

/** The card on screen and its stored row. */
type Current = { card: StudyCard; row: CardRow }

export class StudySession implements RecorderHost {
  readonly pack: Pack
  readonly cards: readonly StudyCard[]
  readonly cardIds: readonly string[]
  readonly byId: ReadonlyMap<string, StudyCard>
  readonly store: StudyStore
  readonly order: OrderExerciseState

  phase = $state<Phase>('loading')
  /** The card shown; replaced whole, never changed in place (raw: no proxy over the card). */
  current = $state.raw<Current | null>(null)
  retention = $state(0.9)
  newOrder = $state<NewCardOrder>('mixed')
  buryNew = $state(true)
  buryReview = $state(true)
  mode = $state<QuizMode>('flip')
  cram = $state(false)
  filter = $state<StudyFilter>({ era: '', theme: '', card: '' })
  choice = $state<ChoiceQuestion | null>(null)
  result = $state<QuizResult | null>(null)
  emptyReason = $state<EmptyReason | null>(null)
  /** Reviews (learning and review cards) due tomorrow, for the summary. */
  dueTomorrow = $state(0)
  /** The last verdict and next interval, for the polite live region. */
  announcement = $state('')
  /** Called when saving the session's state fails (it goes on; the page says so). */
  onSaveError: (error: unknown) => void = () => {}
  /** Called when an answer could not be saved (its card is back on screen; the page says why). */
  onAnswerLost: (error: unknown) => void = () => {}

  readonly undo = new UndoStack()
  readonly tally = new SessionTally()
  readonly due = new DueState()
  readonly recorder: AnswerRecorder
  readonly settingKey = SESSION_SETTING
  /** The cards drawn ahead (the summary's "go on" choices clear it). */
  readonly queue: CardQueue
  /** When the card or ordering set on screen was shown (an answer's time counts from it). */
  shownAt = 0
  #filterSet: ReadonlySet<string> | undefined
  readonly cramQueue = new CramQueue()
  #seed = 1
  #choiceSeed = 1
  #lastMode: ReviewMode = 'flip'
  /** Counts the starts: a draw begun before the last start is dropped (a new link came first). */
  #epoch = 0

  constructor(content: StudyContent, store: StudyStore = studyStore()) {
    this.pack = content.pack
    this.cards = content.cards
    this.byId = content.cardById
    this.store = store
    this.queue = new CardQueue(store)
    this.cardIds = content.cardIds
    this.recorder = new AnswerRecorder(this, this.due, this.tally, this.undo)
    this.order = new OrderExerciseState(this)
  }

  /** The other cards of a card's note, buried with its answer (the index is made on first use). */
  siblingsOf(cardId: string): readonly string[] {
    const card = this.byId.get(cardId)
    const all = card && siblingIndex(this.cards).get(card.noteId)
    return all?.filter((id) => id !== cardId) ?? []
  }

  /** The session as it stands once the answer just given is saved (no card shown yet). */
  snapshot(): SavedSession {
    return this.#saved({ cardId: null, revealed: false, result: null })
  }

  /** An answer was not saved (the recorder took it back): the card is shown again to answer. */
  answerLost(row: CardRow, error: unknown): void {
    this.queue.clear()
    const card = this.byId.get(row.id)
    if (card) {
      this.#show(card, row, this.#choiceSeed)
      if (this.mode === 'flip') this.phase = 'answer'
    }
    this.announcement = 'Your last answer was not saved. Answer it again.'
    this.onAnswerLost(error)
  }

  /** Counts the starts, so a draw can tell that a later start has taken over. */
  get epoch(): number {
    return this.#epoch
  }

  /** How many answers can be undone. */
  get undoCount(): number {
    return this.undo.size
  }

  /** The card filter in force, or undefined for every card. */
  get filterSet(): ReadonlySet<string> | undefined {
    return this.#filterSet
  }

  /**
   * Syncs the pack, takes up the saved session of today for the same choice (the card shown,
   * revealed or not, and the tallies) or starts a new one, then counts what is due, once.
   */
  async start(options: { sync?: boolean; fresh?: boolean } = {}): Promise<void> {
    this.phase = 'loading'
    const epoch = ++this.#epoch
    // A later start (a new link while this one waits) wins: this one stops at its next step.
    const superseded = () => epoch !== this.#epoch
    await this.recorder.writes.idle()
    if (superseded()) return
    const now = Date.now()
    if (options.sync !== false) {
      // New rows come in the order chosen; only the cards that need a place are dealt.
      await this.store.syncCardIds(this.cardIds, now, newCardPlacing(this.cards, this.newOrder))
      if (superseded()) return
    }
    this.due.cutoff = nextStudyDay(now)
    this.#filterSet = filterIds(this.cards, this.filter)
    this.recorder.clear()
    this.queue.clear()
    this.queue.lastId = ''
    this.emptyReason = null
    this.announcement = ''
    const [introduced, savedValue] = await Promise.all([
      this.store.newIntroducedSince(studyDayStart(now)),
      options.fresh ? undefined : this.store.readSetting(SESSION_SETTING)
    ])
    if (superseded()) return
    // The due counts are read once the first card is: a count walks every entry it counts.
    const ticket = this.due.counting()
    this.due.introducedToday = introduced
    const saved = resumable(savedValue, this.#key, now)
    this.tally.reset(saved, now)
    this.due.extraNew = saved?.extraNew ?? 0
    this.#seed = saved?.seed ?? hashString(String(now))
    if (this.cram)
      this.cramQueue.fill(this.#filterSet ? [...this.#filterSet] : this.cardIds, this.#seed)
    const resumed =
      saved?.cardId && this.mode !== 'order' && (await this.#resume(saved, superseded))
    if (superseded()) return
    if (!resumed) await this.advance()
    if (superseded()) return
    // Not waited for: the counts follow while the student reads.
    this.due.readWhenQuiet(ticket, {
      shownAt: () => this.shownAt,
      settled: () => this.recorder.writes.idle(),
      read: () => this.store.countDue(Date.now(), this.due.cutoff, this.#filterSet)
    })
  }

  get #key(): string {
    return sessionKey(this.filter, this.mode, this.cram)
  }

  /** Shows the saved card again; false when it is gone, true when a later start took over. */
  async #resume(saved: SavedSession, superseded: () => boolean): Promise<boolean> {
    const card = this.byId.get(saved.cardId!)
    const row = card && (await this.store.getCard(card.id))
    if (superseded()) return true
    if (!card || !row || (this.cram && !this.cramQueue.has(card.id))) return false
    if (this.cram) this.cramQueue.bringFirst(card.id)
    this.#show(card, row, saved.choiceSeed)
    this.result = saved.result
    if (saved.result || saved.revealed) this.phase = 'answer'
    return true
  }

  /** Saves the session as it stands (fire and forget: a failure is reported, not thrown). */
  save(): void {
    const shown = {
      cardId: this.current?.card.id ?? null,
      revealed: this.phase === 'answer',
      result: this.result ? { ...this.result } : null
    }
    this.recorder.save(SESSION_SETTING, this.#saved(shown), this.onSaveError)
  }

  #saved(shown: Pick<SavedSession, 'cardId' | 'revealed' | 'result'>): SavedSession {
    return {
      day: studyDayStart(Date.now()),
      key: this.#key,
      ...shown,
      ...this.tally.saved(),
      seed: this.#seed,
      choiceSeed: this.#choiceSeed,
      extraNew: this.due.extraNew
    }
  }

  /** What the card queue needs to draw: the day, the filter, the new-card limit, unsaved cards. */
  get #context(): QueueContext {
    return {
      cutoff: this.due.cutoff,
      filter: this.#filterSet,
      allowNew: this.due.newVisible > 0,
      inFlight: this.recorder.inFlight,
      settled: () => this.recorder.writes.idle()
    }
  }

  /** Shows the next card (or ordering set, or the summary when nothing is left). */
  async advance(): Promise<void> {
    this.result = null
    this.choice = null
    if (this.mode === 'test') {
      // The practice test draws its own questions (see PracticeTest); the session only counts.
      this.current = null
      this.phase = 'done'
      return
    }
    if (this.mode === 'order') {
      await this.order.newSet()
      return
    }
    const epoch = this.#epoch
    // The card drawn ahead goes on screen at once, in the key press's task; only a miss waits.
    const ready = this.cram ? undefined : this.queue.take(this.#context)
    const next =
      ready ?? (this.cram ? await this.#nextCram() : await this.queue.next(this.#context))
    if (epoch !== this.#epoch) return
    const card = next && this.byId.get(next.id)
    if (!next || !card) {
      // Nothing left, or a row of a card this pack no longer makes (the sync retires it).
      await this.finish(this.#filterSet?.size === 0 ? 'no-match' : 'nothing-due')
      return
    }
    this.#show(card, next, this.#seed + this.tally.reviewed)
    this.save()
  }

  #show(card: StudyCard, row: CardRow, choiceSeed: number): void {
    this.current = { card, row }
    this.result = null
    this.#choiceSeed = choiceSeed
    this.choice =
      this.mode === 'choice' ? choiceOptions(card, this.cards, this.pack, choiceSeed) : null
    if (!this.cram) {
      this.queue.prefetch(card.id, this.#skipAfter(card), this.#context)
    } else {
      this.queue.lastId = card.id
    }
    this.shownAt = Date.now()
    this.phase = 'question'
  }

  /** The card shown and, when siblings are buried, its siblings: none of them comes next. */
  #skipAfter(card: StudyCard): ReadonlySet<string> {
    const siblings =
      this.buryNew || this.buryReview ? siblingIndex(this.cards).get(card.noteId) : undefined
    return idSet(card.id, ...(siblings ?? []))
  }

  async #nextCram(): Promise<CardRow | undefined> {
    const id = this.cramQueue.first
    return id ? this.store.getCard(id) : undefined
  }

  /** Ends the session: the summary, with the reason when nothing was reviewed. */
  async finish(reason: EmptyReason): Promise<void> {
    this.current = null
    this.tally.endedAt = Date.now()
    this.emptyReason = this.tally.reviewed > 0 ? null : reason
    // Ending wins over a draw still under way (End session pressed just after an answer).
    const epoch = ++this.#epoch
    await this.recorder.writes.idle()
    const tomorrow = await this.store.countDue(
      this.due.cutoff,
      nextStudyDay(this.due.cutoff),
      this.#filterSet
    )
    if (epoch !== this.#epoch) return
    this.dueTomorrow = tomorrow.learning + tomorrow.review
    this.phase = 'done'
    this.save()
  }

  /** Shows the answer of a flip card. */
  reveal(): void {
    if (this.phase !== 'question' || this.mode !== 'flip') return
    this.phase = 'answer'
    this.save()
  }

  /**
   * Grades the card shown (flip mode, or the rating of a finished quiz): counted at once, saved
   * through the recorder's queue (the next card does not wait for the commit).
   */
  grade(rating: Rating, mode: ReviewMode = 'flip'): void {
    const current = this.current
    if (!current) return
    const durationMs = Date.now() - this.shownAt
    this.#lastMode = mode
    if (this.cram) {
      this.cramQueue.answered(rating)
      this.recorder.cram(current.card.id, rating)
      this.announcement = `Graded ${RATING_LABELS[rating]}.`
      return
    }
    const after = this.recorder.answer(current.row, rating, mode, durationMs)
    this.announcement = answerAnnouncement(
      `Graded ${RATING_LABELS[rating]}`,
      after.due - Date.now()
    )
  }

  /** Flip mode: grade and go on. */
  async answer(rating: Rating): Promise<void> {
    if (this.phase !== 'answer' || this.mode !== 'flip') return
    this.grade(rating, 'flip')
    await this.advance()
  }

  /** Multiple choice: grades the chosen option at once (pass → Good, fail → Again). */
  async choose(index: number): Promise<void> {
    if (this.phase !== 'question' || !this.choice || !this.current) return
    const pass = index === this.choice.correctIndex
    const rating = quizRating(pass)
    this.grade(rating, 'choice')
    const given = this.choice.options[index] ?? ''
    this.#graded({ pass, rating, given, expected: this.current.card.answer })
  }

  /** Typed answers (numbers for trade figures): graded forgivingly, then fed to the schedule. */
  async submitTyped(text: string): Promise<void> {
    if (this.phase !== 'question' || !this.current) return
    const { result, mode } = gradeTypedAnswer(this.current.card, text, this.pack)
    this.grade(result.rating, mode)
    this.#graded(result)
  }

  #graded(result: QuizResult): void {
    this.result = result
    this.announcement = answerAnnouncement(verdictText(result), this.#nextIn())
    this.phase = 'answer'
    this.save()
  }

  /** How long until the card just answered comes back (null in cram mode). */
  #nextIn(): number | null {
    const top = this.undo.peek()
    return top?.kind === 'answer' ? top.rows[0]!.after.due - Date.now() : null
  }

  /**
   * Overrules the automatic grade of a quiz answer (Anki leaves the grade to the student): the
   * answer is undone and given again with the rating chosen, in the same mode.
   */
  async overrule(rating: Rating): Promise<void> {
    const shown = this.result
    const current = this.current
    const top = this.undo.peek()
    if (this.phase !== 'answer' || !shown || !current || !top || rating === shown.rating) return
    if (top.kind === 'cram') this.cramQueue.regrade(current.card.id, top.rating, rating)
    if (!(await this.recorder.overrule(rating, this.#lastMode))) return
    this.#graded({ ...shown, rating, overruled: true })
  }

  /** After a graded quiz answer: the next card. */
  async continue(): Promise<void> {
    if (this.phase === 'order-checked') {
      await this.order.newSet()
      return
    }
    if (this.phase !== 'answer' || !this.result) return
    await this.advance()
  }

  /** Undoes the last answer, bury or suspend, and shows that card again. */
  async undoLast(): Promise<void> {
    const undone = await this.recorder.undoLast()
    if (!undone) return
    this.queue.clear()
    if (undone.kind === 'ordering') {
      // An ordering: show the same set again, unchecked.
      this.order.reopen()
      return
    }
    if (undone.kind === 'cram') this.cramQueue.undo(undone.cardId, undone.rating)
    const card = this.byId.get(undone.cardId)
    const row = await this.store.getCard(undone.cardId)
    if (!card || !row) return
    this.#show(card, row, this.#seed + this.tally.reviewed)
    this.save()
  }

  /** The ordering's events, for the exercise state (the session owns the seed). */
  get seed(): number {
    return this.#seed
  }

  /** Marks an ordering set as shown (its time counts from now). */
  orderShown(): void {
    this.current = null
    this.shownAt = Date.now()
    this.phase = 'order'
  }
}
