/**
 * The session through a real store (fake-indexeddb, no mock): siblings buried and brought back by
 * undo, the new-card order applied, a session taken up again after a reload, a grade overruled.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import { StudyDatabase } from '../../db/database'
import { studyStore } from '../../db/review-queue'
import { buildStudyContent } from '../../domain/content'
import { newCardOrder, studyDayStart } from '../../domain/study-queue'
import { resumable, sessionKey, SESSION_SETTING } from './saved-session'
import { missedAgain, moreNew } from './go-on'
import { StudySession } from './session.svelte'

const content = buildStudyContent(realPack())
let db: StudyDatabase
let counter = 0

beforeEach(async () => {
  db = new StudyDatabase(`session-test-${Date.now()}-${counter++}`)
  await db.open()
})
afterEach(() => db.close())

/** A session on the test database, in the date order unless told otherwise. */
async function started(change: Partial<StudySession> = {}): Promise<StudySession> {
  const session = new StudySession(
    content,
    studyStore(() => db)
  )
  session.newOrder = 'date'
  session.due.afterQuiet = 0 // the counts at once (the app waits for the student to pause)
  Object.assign(session, change)
  await session.start()
  await session.due.arrival
  return session
}

describe('a study session', () => {
  it('buries the siblings of a card answered, and undo brings them back', async () => {
    const session = await started()
    expect(session.current?.card.id).toBe('event-what:1806-colonisation-plan')
    session.reveal()
    await session.answer(3)
    await session.recorder.writes.idle()
    const sibling = await db.cards.get('event-when:1806-colonisation-plan')
    expect(sibling?.buriedUntil).toBe(session.due.cutoff)
    expect(session.current?.card.noteId).not.toBe('event:1806-colonisation-plan')
    // One answered, its siblings buried (the what, the when and the event's fill-the-gap cards).
    const siblings = content.cards.filter((c) => c.noteId === 'event:1806-colonisation-plan')
    expect(siblings.length).toBeGreaterThan(1)
    for (const card of siblings.slice(1)) {
      expect((await db.cards.get(card.id))?.buriedUntil).toBe(session.due.cutoff)
    }
    expect(session.due.counts.new).toBe(content.cards.length - siblings.length)

    await session.undoLast()
    expect((await db.cards.get('event-when:1806-colonisation-plan'))?.buriedUntil).toBe(0)
    expect(session.current?.card.id).toBe('event-what:1806-colonisation-plan')
    expect(session.due.counts.new).toBe(content.cards.length)
    expect(await db.reviewLogs.count()).toBe(0)
  })

  it('shows the next card drawn ahead as soon as the grade is given, before any write commits', async () => {
    const session = await started()
    const first = session.current!.card.id
    // The cards after the first were drawn with it: the first answer finds them ready.
    expect(session.queue.ready).toBeGreaterThan(0)
    session.reveal()
    const answered = session.answer(3)
    // Nothing awaited yet: the next card is already on screen and the answer still queued.
    expect(session.current?.card.id).not.toBe(first)
    expect(session.phase).toBe('question')
    expect(session.recorder.writes.pending).toBeGreaterThan(0)
    await answered
    await session.recorder.writes.idle()
    expect((await db.reviewLogs.toArray()).map((l) => l.cardId)).toEqual([first])
  })

  it('with burying switched off, the sibling may come next', async () => {
    const session = await started({ buryNew: false, buryReview: false })
    session.reveal()
    await session.answer(3)
    await session.recorder.writes.idle()
    expect((await db.cards.get('event-when:1806-colonisation-plan'))?.buriedUntil).toBe(0)
    expect(session.current?.card.id).toBe('event-when:1806-colonisation-plan')
  })

  it('shows the first card before the due counts, and applies the answers made meanwhile to them', async () => {
    await started() // the pack's cards are in the database
    const store = studyStore(() => db)
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let phaseAtCount = ''
    let reached = () => {}
    const reachedCount = new Promise<void>((resolve) => (reached = resolve))
    const slow: typeof store = {
      ...store,
      countDue: async (now, cutoff, filter) => {
        phaseAtCount = session.phase
        reached()
        const counts = await store.countDue(now, cutoff, filter)
        await held
        return counts
      }
    }
    const session = new StudySession(content, slow)
    session.newOrder = 'date'
    session.buryNew = false
    session.due.afterQuiet = 0
    await session.start({ sync: false })
    await reachedCount
    // The count is read once the first card is on screen, and has not arrived.
    expect(phaseAtCount).toBe('question')
    expect(session.current).not.toBeNull()
    expect(session.due.counted).toBe(false)
    session.reveal()
    await session.answer(3) // a new card out of the new count, into learning (due in minutes)
    await session.recorder.writes.idle()
    release()
    await session.due.arrival
    expect(session.due.counted).toBe(true)
    // As counted after the answer: the answer made while counting is in the counts once.
    const now = await store.countDue(Date.now(), session.due.cutoff)
    expect(session.due.counts).toEqual(now)
    expect(now.new).toBe(content.cards.length - 1)
  })

  it('reads the due counts once the student pauses on a card, and not at all once the view is left', async () => {
    await started()
    const store = studyStore(() => db)
    const counted: number[] = []
    const watched: typeof store = {
      ...store,
      countDue: (now, cutoff, filter) => {
        counted.push(Date.now())
        return store.countDue(now, cutoff, filter)
      }
    }
    const left = new StudySession(content, watched)
    left.due.afterQuiet = 50
    await left.start({ sync: false })
    left.due.stop()
    await left.due.arrival
    expect(counted).toHaveLength(0)
    expect(left.due.counted).toBe(false) // shown as dashes, never as a wrong number

    const reading = new StudySession(content, watched)
    reading.due.afterQuiet = 50
    await reading.start({ sync: false })
    const shown = reading.shownAt
    await reading.due.arrival
    expect(counted).toHaveLength(1)
    expect(counted[0]! - shown).toBeGreaterThanOrEqual(50)
    expect(reading.due.counted).toBe(true)
  })

  it('a start overtaken by a later one (a new link while it waited) leaves the later one alone', async () => {
    await started() // the pack's cards are in the database
    const store = studyStore(() => db)
    let reached = () => {}
    const reachedCount = new Promise<void>((resolve) => (reached = resolve))
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let hold = true
    // The first start's read of today's new cards is held back until the second has shown its card.
    const slow: typeof store = {
      ...store,
      newIntroducedSince: async (since) => {
        if (hold) {
          hold = false
          reached()
          await held
        }
        return store.newIntroducedSince(since)
      }
    }
    const session = new StudySession(content, slow)
    session.due.afterQuiet = 0
    const first = session.start({ sync: false })
    await reachedCount
    const one = 'event-when:1812-fort-ross'
    session.filter = { era: '', theme: '', card: one }
    await session.start({ sync: false })
    expect(session.current?.card.id).toBe(one)
    session.reveal()
    release()
    await first
    await session.due.arrival
    expect(session.current?.card.id).toBe(one)
    expect(session.phase).toBe('answer')
    expect(session.due.counts.new).toBe(1)
  })

  it('introduces new cards in the mixed order by default', async () => {
    const session = await started({ newOrder: 'mixed' })
    const mixed = newCardOrder(content.cards, 'mixed')
    expect(session.current?.card.id).toBe(mixed[0])
    // Switching to the date order gives the new rows that order (a new session, not the saved one).
    await db.settings.delete(SESSION_SETTING)
    const again = await started({ newOrder: 'date' })
    expect(again.current?.card.id).toBe(content.cardIds[0])
  })

  it('is taken up after a reload: the card shown, revealed, and the tallies', async () => {
    const first = await started()
    first.reveal()
    await first.answer(1)
    first.reveal()
    const shown = first.current!.card.id
    await first.recorder.writes.idle() // the answer and the save are queued, not waited for

    const second = await started()
    expect(second.current?.card.id).toBe(shown)
    expect(second.phase).toBe('answer')
    expect(second.tally.reviewed).toBe(1)
    expect(second.tally.ratings).toEqual([1, 0, 0, 0])
    expect(second.tally.missed).toEqual(['event-what:1806-colonisation-plan'])
    expect(second.tally.startedAt).toBe(first.tally.startedAt)
  })

  it('starts afresh on another choice of cards, and a saved session expires with the day', async () => {
    const first = await started()
    first.reveal()
    await first.answer(3)
    await first.recorder.writes.idle()
    const other = await started({ filter: { era: 'soviet-union', theme: '', card: '' } })
    expect(other.tally.reviewed).toBe(0)

    const saved = (await db.settings.get(SESSION_SETTING))?.value
    const now = Date.now()
    const key = sessionKey({ era: 'soviet-union', theme: '', card: '' }, 'flip', false)
    expect(resumable(saved, key, now)).not.toBeNull()
    expect(resumable(saved, key, studyDayStart(now) + 86_400_000 + 1000)).toBeNull()
    expect(resumable({ ...(saved as object), reviewed: -1 }, key, now)).toBeNull()
  })

  it('lets the student overrule a typed answer: one log row, with the grade chosen', async () => {
    const session = await started({
      mode: 'typed',
      filter: { era: '', theme: '', card: 'person:ramon-mercader' }
    })
    await session.submitTyped('bus')
    expect(session.result).toMatchObject({ pass: false, rating: 1 })
    await session.overrule(3)
    expect(session.result).toMatchObject({ rating: 3, overruled: true })
    const logs = await db.reviewLogs.toArray()
    expect(logs.map((l) => [l.cardId, l.rating, l.mode])).toEqual([
      ['person:ramon-mercader', 3, 'typed']
    ])
    expect(session.tally.ratings).toEqual([0, 0, 1, 0])
    expect(session.announcement).toMatch(/^Your grade — Good\. Next review in /)
  })

  it('goes on from the summary: more new cards past the limit, then the missed ones in cram mode', async () => {
    const session = new StudySession(
      content,
      studyStore(() => db)
    )
    session.newOrder = 'date'
    session.due.newPerDay = 1
    session.due.afterQuiet = 0
    await session.start()
    await session.due.arrival
    const first = session.current!.card.id
    session.reveal()
    await session.answer(1)
    // Again: the card is learning again in a minute, and only it is left (learn ahead); Easy ends it.
    session.reveal()
    await session.answer(4)
    expect(session.phase).toBe('done')
    expect(session.due.newVisible).toBe(0)

    await moreNew(session, 10)
    expect(session.phase).toBe('question')
    expect(session.current?.card.id).not.toBe(first)
    expect(session.due.newVisible).toBe(10)

    await missedAgain(session)
    expect(session.cram).toBe(true)
    expect(session.current?.card.id).toBe(first)
  })
})
