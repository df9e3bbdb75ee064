/**
 * Answers saved through the write queue, on a real store (fake-indexeddb) whose commits the test
 * can hold back or make fail: the next card is shown before the commit, a failed commit takes the
 * answer back and shows its card again, and undo waits for a queued answer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import { StudyDatabase } from '../../db/database'
import { studyStore, type StudyStore } from '../../db/review-queue'
import { buildStudyContent } from '../../domain/content'
import { SESSION_SETTING } from './saved-session'
import { StudySession } from './session.svelte'

const content = buildStudyContent(realPack())
let db: StudyDatabase
let counter = 0

beforeEach(async () => {
  db = new StudyDatabase(`recorder-test-${Date.now()}-${counter++}`)
  await db.open()
})
afterEach(() => db.close())

/** The real store, with its answer commits held until released (or failed on demand). */
function heldStore() {
  const real = studyStore(() => db)
  const held: { release: () => void; fail: (error: Error) => void }[] = []
  const store: StudyStore = {
    ...real,
    recordAnswer: (record) =>
      new Promise<void>((resolve, reject) => held.push({ release: resolve, fail: reject })).then(
        () => real.recordAnswer(record)
      )
  }
  /** Lets every held commit through, the ones queued behind included, until all are saved. */
  const drain = async (session: StudySession) => {
    while (session.recorder.writes.pending > 0) {
      held.shift()?.release()
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
  }
  /** The nth commit held back, once asked for (an answer's write starts after the next paint). */
  const commit = async (n: number) => {
    while (!held[n]) await new Promise((resolve) => setTimeout(resolve, 1))
    return held[n]
  }
  return { store, drain, commit }
}

async function started(store: StudyStore): Promise<StudySession> {
  const session = new StudySession(content, store)
  session.newOrder = 'date'
  session.due.afterQuiet = 0
  await session.start()
  await session.due.arrival
  return session
}

describe('answers saved behind the next card', () => {
  it('shows the next card before the answer commits, then saves it with the session', async () => {
    const { store, commit } = heldStore()
    const session = await started(store)
    const first = session.current!.card.id
    session.reveal()
    await session.answer(3)
    // The next card is on screen and counted while the commit is still held back.
    expect(session.current?.card.id).not.toBe(first)
    expect(session.current?.card.noteId).not.toBe(content.cardById.get(first)!.noteId)
    expect(session.tally.reviewed).toBe(1)
    expect(await db.reviewLogs.count()).toBe(0)

    const held = await commit(0)
    held.release()
    await session.recorder.writes.idle()
    const logs = await db.reviewLogs.toArray()
    expect(logs.map((l) => [l.cardId, l.rating])).toEqual([[first, 3]])
    expect((await db.cards.get(first))?.state).not.toBe(0)
    const saved = (await db.settings.get(SESSION_SETTING))?.value as { reviewed: number }
    expect(saved.reviewed).toBe(1)
  })

  it('never draws a card whose answer is still queued, even when answers outrun the commits', async () => {
    const { store, drain } = heldStore()
    const session = await started(store)
    const shown: string[] = []
    for (let i = 0; i < 5; i++) {
      shown.push(session.current!.card.id)
      session.reveal()
      await session.answer(1) // Again: each card comes back soon, once saved
    }
    expect(new Set(shown).size).toBe(5)
    expect(await db.reviewLogs.count()).toBe(0)
    await drain(session)
    const logs = await db.reviewLogs.orderBy('id').toArray()
    expect(logs.map((l) => l.cardId)).toEqual(shown)
  })

  it('saves the session once behind an answer, with its newest state, never an older one last', async () => {
    const { store, drain } = heldStore()
    const writes: { key: string; value: unknown }[] = []
    const counted: StudyStore = {
      ...store,
      writeSetting: (key, value) => {
        writes.push({ key, value })
        return store.writeSetting(key, value)
      }
    }
    const session = await started(counted)
    session.reveal()
    await session.recorder.writes.idle()
    const before = writes.length
    await session.answer(3)
    // The next card shown, then its answer side: two saves queued behind the held answer.
    const second = session.current!.card.id
    session.reveal()
    await drain(session)
    const sessionSaves = () => writes.slice(before).filter((w) => w.key === SESSION_SETTING)
    expect(sessionSaves()).toHaveLength(1)
    const saved = (await db.settings.get(SESSION_SETTING))?.value as {
      cardId: string
      revealed: boolean
      reviewed: number
    }
    expect(saved).toMatchObject({ cardId: second, revealed: true, reviewed: 1 })

    // A save asked for after a later answer is its own write, after that answer's.
    await session.answer(3)
    const third = session.current!.card.id
    await drain(session)
    expect(sessionSaves()).toHaveLength(2)
    expect((await db.settings.get(SESSION_SETTING))?.value).toMatchObject({
      cardId: third,
      revealed: false,
      reviewed: 2
    })
  })

  it('takes back a failed answer and the ones behind it, and puts its card back on screen', async () => {
    const { store, commit } = heldStore()
    const session = await started(store)
    const counts = { ...session.due.counts }
    const lost: unknown[] = []
    session.onAnswerLost = (error) => lost.push(error)
    const first = session.current!.card.id
    session.reveal()
    await session.answer(3)
    session.reveal()
    await session.answer(3)
    expect(session.tally.reviewed).toBe(2)

    const held = await commit(0)
    held.fail(new Error('QuotaExceededError'))
    await session.recorder.writes.idle()
    expect(lost).toHaveLength(1)
    expect(session.current?.card.id).toBe(first)
    expect(session.phase).toBe('answer')
    expect(session.tally.reviewed).toBe(0)
    expect(session.due.counts).toEqual(counts)
    expect(session.undoCount).toBe(0)
    expect(session.announcement).toMatch(/not saved/)
    expect(await db.reviewLogs.count()).toBe(0)

    // Answered again, it is saved: exactly one log row.
    await session.answer(3)
    const again = await commit(1)
    again.release()
    await session.recorder.writes.idle()
    expect((await db.reviewLogs.toArray()).map((l) => l.cardId)).toEqual([first])
    expect(session.tally.reviewed).toBe(1)
  })

  it('undo of a queued answer waits for its commit, then takes it back', async () => {
    const { store, commit } = heldStore()
    const session = await started(store)
    const first = session.current!.card.id
    session.reveal()
    await session.answer(4)
    const undone = session.undoLast()
    const held = await commit(0)
    held.release()
    await undone
    await session.recorder.writes.idle()
    expect(session.current?.card.id).toBe(first)
    expect(await db.reviewLogs.count()).toBe(0)
    expect((await db.cards.get(first))?.state).toBe(0)
    expect(session.tally.reviewed).toBe(0)
  })
})
