/**
 * Study progress in IndexedDB: answers written with their review-log row in one transaction, undo,
 * bury and suspend, and the indexed queries that draw the next card and count what is due (the
 * rows are kept in step with the pack by card-sync.ts). The components never talk to Dexie
 * themselves.
 */
import { schedule, type Rating } from '../domain/scheduler'
import { countRows, type DueCounts } from '../domain/study-queue'
import { changedSchedule, stateOf, type CardRow, type ReviewMode } from '../domain/card-state'
import { STATE_INDEX } from './card-sync'
import type { Collection } from 'dexie'
import { database, type StudyDatabase } from './database'

export interface AnswerInput {
  cardId: string
  rating: Rating
  mode: ReviewMode
  retention: number
  durationMs: number
  now?: number
}

export interface AnswerResult {
  logId: number
  before: CardRow
  after: CardRow
}

/**
 * Grades a card: its new FSRS state and its review-log row are written in one transaction, so
 * either both are saved or neither is.
 */
export async function answerCard(
  input: AnswerInput,
  db: StudyDatabase = database()
): Promise<AnswerResult> {
  const now = input.now ?? Date.now()
  return db.transaction('rw', db.cards, db.reviewLogs, async () => {
    const before = await db.cards.get(input.cardId)
    if (!before) throw new Error(`There is no card "${input.cardId}".`)
    const after: CardRow = {
      ...before,
      ...schedule(stateOf(before), input.rating, now, input.retention),
      buriedUntil: 0
    }
    // Both writes are queued at once: one round trip, still one transaction.
    const [, logId] = await Promise.all([
      db.cards.put(after),
      db.reviewLogs.add({
        cardId: input.cardId,
        rating: input.rating,
        reviewedAt: now,
        durationMs: Math.max(0, Math.round(input.durationMs)),
        mode: input.mode,
        retention: input.retention,
        before: stateOf(before)
      })
    ])
    return { logId, before, after }
  })
}

/** Grades several cards at once (an ordering exercise) in one transaction: all saved, or none. */
export async function answerCards(
  inputs: AnswerInput[],
  db: StudyDatabase = database()
): Promise<AnswerResult[]> {
  return db.transaction('rw', db.cards, db.reviewLogs, async () => {
    const results: AnswerResult[] = []
    for (const input of inputs) results.push(await answerCard(input, db))
    return results
  })
}

/**
 * Undoes an answer: the card gets back the state the log row saved, and the row is deleted.
 * Returns the card as it was before the undo and as it is after.
 */
export async function undoAnswer(
  logId: number,
  db: StudyDatabase = database()
): Promise<{ before: CardRow; after: CardRow }> {
  return db.transaction('rw', db.cards, db.reviewLogs, async () => {
    const log = await db.reviewLogs.get(logId)
    if (!log) throw new Error('That answer was already undone.')
    const before = await db.cards.get(log.cardId)
    if (!before) throw new Error(`There is no card "${log.cardId}".`)
    const after: CardRow = { ...before, ...log.before }
    await db.cards.put(after)
    await db.reviewLogs.delete(logId)
    return { before, after }
  })
}

/** Hides a card until a time (the next study day). Returns the row before and after. */
export async function buryCard(
  cardId: string,
  until: number,
  db: StudyDatabase = database()
): Promise<{ before: CardRow; after: CardRow }> {
  return changeCard(cardId, { buriedUntil: until }, db)
}

/** Suspends or unsuspends a card. Returns the row before and after. */
export async function setSuspended(
  cardId: string,
  suspended: boolean,
  db: StudyDatabase = database()
): Promise<{ before: CardRow; after: CardRow }> {
  return changeCard(cardId, { suspended: suspended ? 1 : 0 }, db)
}

async function changeCard(
  cardId: string,
  change: Partial<CardRow>,
  db: StudyDatabase
): Promise<{ before: CardRow; after: CardRow }> {
  return db.transaction('rw', db.cards, async () => {
    const before = await db.cards.get(cardId)
    if (!before) throw new Error(`There is no card "${cardId}".`)
    const after = { ...before, ...change }
    await db.cards.put(after)
    return { before, after }
  })
}

/** One card row (or undefined). */
export function getCard(
  cardId: string,
  db: StudyDatabase = database()
): Promise<CardRow | undefined> {
  return db.cards.get(cardId)
}

/** Several card rows, in the order of the ids (missing ones left out). */
export async function getCards(
  cardIds: string[],
  db: StudyDatabase = database()
): Promise<CardRow[]> {
  return (await db.cards.bulkGet(cardIds)).filter((r): r is CardRow => !!r)
}

/**
 * The cards set aside by the user, by index (never a scan): suspended ones, and ones buried past
 * `now` that are not also suspended. Retired cards are left out (their fact left the pack).
 */
export async function setAsideCards(
  now: number,
  db: StudyDatabase = database()
): Promise<{ suspended: CardRow[]; buried: CardRow[] }> {
  return db.transaction('r', db.cards, async () => {
    const [suspended, buried] = await Promise.all([
      db.cards
        .where(STATE_INDEX)
        .between([0, 1, -Infinity, -Infinity], [0, 1, Infinity, Infinity])
        .toArray(),
      db.cards
        .where('buriedUntil')
        .above(now)
        .filter((row) => !row.retired && !row.suspended)
        .toArray()
    ])
    return { suspended, buried }
  })
}

/**
 * The due counts for today, by indexed counts (never a scan of the rows), less the buried cards.
 * With a filter (a set of card ids: one era or theme) the few rows are read and counted instead.
 */
export async function countDue(
  now: number,
  cutoff: number,
  filter?: ReadonlySet<string>,
  db: StudyDatabase = database()
): Promise<DueCounts> {
  if (filter) {
    const rows = (await db.cards.bulkGet([...filter])).filter((r): r is CardRow => !!r)
    return countRows(rows, now, cutoff)
  }
  return db.transaction('r', db.cards, async () => {
    const index = db.cards.where(STATE_INDEX)
    const dueBefore = (state: number) =>
      index.between([0, 0, state, -Infinity], [0, 0, state, cutoff], true, false).count()
    const [fresh, learning, review, relearning, buried] = await Promise.all([
      index.between([0, 0, 0, -Infinity], [0, 0, 0, Infinity], true, true).count(),
      dueBefore(1),
      dueBefore(2),
      dueBefore(3),
      db.cards.where('buriedUntil').above(now).toArray()
    ])
    const counts = { new: fresh, learning: learning + relearning, review }
    const hidden = countRows(
      buried.map((row) => ({ ...row, buriedUntil: 0 })),
      now,
      cutoff
    )
    return {
      new: counts.new - hidden.new,
      learning: counts.learning - hidden.learning,
      review: counts.review - hidden.review
    }
  })
}

/** How many new cards were studied for the first time since a time (today's start). */
export async function newIntroducedSince(
  since: number,
  db: StudyDatabase = database()
): Promise<number> {
  return db.reviewLogs
    .where('reviewedAt')
    .aboveOrEqual(since)
    .filter((log) => log.before.state === 0 && changedSchedule(log))
    .count()
}

export interface NextCardQuery {
  now: number
  /** The start of the next study day: reviews due before it are due today. */
  cutoff: number
  /** New cards may be drawn (the daily limit is not reached). */
  allowNew: boolean
  /** Learning cards due within this many ms are shown when nothing else is due (Anki: 20 min). */
  learnAheadMs?: number
  filter?: ReadonlySet<string>
  /** Ids not to draw now (the card just answered, in learning for another few minutes). */
  skip?: ReadonlySet<string>
}

/**
 * The next card to study, by the state index and `limit(1)`: learning cards that are due, then
 * reviews due today (most overdue first), then new cards in pack order, then learning cards a
 * little ahead of time. Undefined when the session is done.
 */
export async function nextCard(
  query: NextCardQuery,
  db: StudyDatabase = database()
): Promise<CardRow | undefined> {
  const { now, cutoff } = query
  const visible = visibleRows(query)
  const skipped = query.skip?.size ?? 0
  const first = async (state: number, upTo: number, inclusive = true) =>
    (await firstVisible(inState(db, state, upTo, inclusive), 1, visible, skipped))[0]
  const earliest = (a?: CardRow, b?: CardRow) => (!a ? b : !b ? a : a.due <= b.due ? a : b)

  return db.transaction('r', db.cards, async () => {
    const learning = earliest(await first(1, now), await first(3, now))
    if (learning) return learning
    const review = await first(2, cutoff, false)
    if (review) return review
    if (query.allowNew) {
      const fresh = await first(0, Infinity)
      if (fresh) return fresh
    }
    const ahead = now + (query.learnAheadMs ?? 20 * 60_000)
    return earliest(await first(1, ahead), await first(3, ahead))
  })
}

/** Whether a row may be drawn now: not buried, in the filter, not skipped. */
function visibleRows({ now, filter, skip }: NextCardQuery): (row: CardRow) => boolean {
  return (row) => row.buriedUntil <= now && (!filter || filter.has(row.id)) && !skip?.has(row.id)
}

/** The cards of one state due up to `upTo`, in due order (the state index). */
function inState(
  db: StudyDatabase,
  state: number,
  upTo: number,
  inclusive: boolean
): () => Collection<CardRow, string> {
  return () =>
    db.cards
      .where(STATE_INDEX)
      .between([0, 0, state, -Infinity], [0, 0, state, upTo], true, inclusive)
}

/** Rows read past those asked for, besides the skipped ones: room for a few buried cards. */
const READ_MARGIN = 8

/**
 * The first `count` rows of `range` that are `visible`, in its order. A filtered read walks a
 * cursor, one round trip to the database per row: a draw of 40 cards took 110–206 ms at 10,000
 * cards while answers were being saved, and the list ran dry under a student answering fast. So
 * the rows are first read in one request, a few more than asked (as many as are skipped, and a
 * margin), and filtered here; only when those do not hold enough (a filter to a few cards, many
 * buried) does the cursor read on.
 */
async function firstVisible(
  range: () => Collection<CardRow, string>,
  count: number,
  visible: (row: CardRow) => boolean,
  skipped: number
): Promise<CardRow[]> {
  const asked = count + skipped + READ_MARGIN
  const rows = await range().limit(asked).toArray()
  const kept = rows.filter(visible).slice(0, count)
  if (kept.length === count || rows.length < asked) return kept
  return range().filter(visible).limit(count).toArray()
}

/**
 * The next cards to study after the one shown, several at once and in the order `nextCard` would
 * draw them one by one, with the earliest due time of the learning cards not among them: the list
 * stays valid until then (apart from the cards answered meanwhile, which the caller leaves out),
 * so a run of answers needs no query and no wait for the commits before it.
 */
export async function peekNextCards(
  query: NextCardQuery,
  limit: number,
  db: StudyDatabase = database()
): Promise<{ rows: CardRow[]; learningDueAt: number }> {
  const { now, cutoff } = query
  const visible = visibleRows(query)
  const skipped = query.skip?.size ?? 0
  const take = (state: number, upTo: number, inclusive: boolean, count: number) =>
    firstVisible(inState(db, state, upTo, inclusive), count, visible, skipped)
  return db.transaction('r', db.cards, async () => {
    const learning = [...(await take(1, now, true, limit)), ...(await take(3, now, true, limit))]
    const rows = learning.sort((a, b) => a.due - b.due).slice(0, limit)
    if (rows.length < limit) rows.push(...(await take(2, cutoff, false, limit - rows.length)))
    if (rows.length < limit && query.allowNew) {
      rows.push(...(await take(0, Infinity, true, limit - rows.length)))
    }
    if (!rows.length) {
      const ahead = await nextCard(query, db)
      if (ahead) rows.push(ahead)
    }
    const listed = new Set(rows.map((r) => r.id))
    const unlisted = (row: CardRow) => visible(row) && !listed.has(row.id)
    const firstDue = async (state: number) => {
      const range = inState(db, state, Infinity, true)
      const [row] = await firstVisible(range, 1, unlisted, skipped + listed.size)
      return row?.due ?? Infinity
    }
    return { rows, learningDueAt: Math.min(await firstDue(1), await firstDue(3)) }
  })
}
