/**
 * The study session's access to the database as one interface (the study store's functions bound
 * to a database, plus what a session adds: burying siblings, its saved state), so the session
 * takes a store and its unit tests give it a fake-indexeddb one.
 */
import type { CardRow } from '../domain/card-state'
import { siblingsToBury, type DueCounts, type NewCardPlacing } from '../domain/study-queue'
import { syncCardIds, type SyncResult } from './card-sync'
import { database, type StudyDatabase } from './database'
import * as store from './study-store'

/** What a study session reads and writes. */
export interface StudyStore {
  syncCardIds(ids: readonly string[], now: number, placing?: NewCardPlacing): Promise<SyncResult>
  answerCard(input: store.AnswerInput): Promise<store.AnswerResult>
  recordAnswer(record: AnswerRecord): Promise<RecordedAnswer>
  answerCards(inputs: store.AnswerInput[]): Promise<store.AnswerResult[]>
  undoAnswer(logId: number): Promise<{ before: CardRow; after: CardRow }>
  buryCard(cardId: string, until: number): Promise<{ before: CardRow; after: CardRow }>
  setSuspended(cardId: string, suspended: boolean): Promise<{ before: CardRow; after: CardRow }>
  getCard(cardId: string): Promise<CardRow | undefined>
  getCards(cardIds: string[]): Promise<CardRow[]>
  countDue(now: number, cutoff: number, filter?: ReadonlySet<string>): Promise<DueCounts>
  newIntroducedSince(since: number): Promise<number>
  nextCard(query: store.NextCardQuery): Promise<CardRow | undefined>
  peekNextCards(
    query: store.NextCardQuery,
    limit: number
  ): Promise<{ rows: CardRow[]; learningDueAt: number }>
  buryCards(ids: string[], until: number): Promise<{ before: CardRow; after: CardRow }[]>
  restoreCards(rows: CardRow[]): Promise<void>
  readSetting<T>(key: string): Promise<T | undefined>
  writeSetting(key: string, value: unknown): Promise<void>
}

/** An answer as a session records it: the grade, the siblings it buries, the session after it. */
export interface AnswerRecord {
  answer: store.AnswerInput
  /** The card's siblings, buried until `until` as the settings ask (an empty list: none). */
  siblings: { ids: string[]; buryNew: boolean; buryReview: boolean; until: number }
  /** The session as it stands after this answer, saved with it (never ahead of the reviews). */
  setting?: { key: string; value: unknown }
}

/** What an answer changed: the card, its log row, and the siblings it buried. */
export interface RecordedAnswer extends store.AnswerResult {
  buried: { before: CardRow; after: CardRow }[]
}

/**
 * Records an answer in one transaction: the card's new state and its log row, its siblings buried,
 * and the saved session. All of it is saved, or none: a crash cannot leave a review counted in
 * the session but missing from the log, or the reverse.
 */
export async function recordAnswer(
  record: AnswerRecord,
  db: StudyDatabase = database()
): Promise<RecordedAnswer> {
  const { ids, until, ...options } = record.siblings
  return db.transaction('rw', db.cards, db.reviewLogs, db.settings, async () => {
    const result = await store.answerCard(record.answer, db)
    const rows = ids.length ? await store.getCards(ids, db) : []
    const buried = await buryCards(siblingsToBury(rows, options, until), until, db)
    if (record.setting) await db.settings.put(record.setting)
    return { ...result, buried }
  })
}

/** Hides several cards until a time (siblings of a card answered), in one transaction. */
export async function buryCards(
  ids: string[],
  until: number,
  db: StudyDatabase = database()
): Promise<{ before: CardRow; after: CardRow }[]> {
  if (!ids.length) return []
  return db.transaction('rw', db.cards, async () => {
    const rows = (await db.cards.bulkGet(ids)).filter((r): r is CardRow => !!r)
    const changes = rows.map((before) => ({ before, after: { ...before, buriedUntil: until } }))
    await db.cards.bulkPut(changes.map((c) => c.after))
    return changes
  })
}

/** Writes rows back as they were (undo of a bury, a suspend, or siblings buried). */
export async function restoreCards(rows: CardRow[], db: StudyDatabase = database()): Promise<void> {
  if (rows.length) await db.cards.bulkPut(rows)
}

/** The study store bound to a database (the app's own by default, resolved on each call). */
export function studyStore(db: () => StudyDatabase = database): StudyStore {
  return {
    syncCardIds: (ids, now, placing) => syncCardIds(ids, now, db(), placing),
    answerCard: (input) => store.answerCard(input, db()),
    recordAnswer: (record) => recordAnswer(record, db()),
    answerCards: (inputs) => store.answerCards(inputs, db()),
    undoAnswer: (logId) => store.undoAnswer(logId, db()),
    buryCard: (id, until) => store.buryCard(id, until, db()),
    setSuspended: (id, suspended) => store.setSuspended(id, suspended, db()),
    getCard: (id) => store.getCard(id, db()),
    getCards: (ids) => store.getCards(ids, db()),
    countDue: (now, cutoff, filter) => store.countDue(now, cutoff, filter, db()),
    newIntroducedSince: (since) => store.newIntroducedSince(since, db()),
    nextCard: (query) => store.nextCard(query, db()),
    peekNextCards: (query, limit) => store.peekNextCards(query, limit, db()),
    buryCards: (ids, until) => buryCards(ids, until, db()),
    restoreCards: (rows) => restoreCards(rows, db()),
    readSetting: async <T>(key: string) => (await db().settings.get(key))?.value as T | undefined,
    writeSetting: async (key, value) => {
      await db().settings.put({ key, value })
    }
  }
}
