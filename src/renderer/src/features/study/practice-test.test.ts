/**
 * A practice test taken from start to results through a real store (fake-indexeddb): not counted,
 * it logs every answer as a test and leaves every card as it was; counted, it schedules the cards
 * asked as reviews do. Check data finds nothing to repair either way.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import { changedSchedule, sameState, stateOf } from '../../domain/card-state'
import { eventSortKey } from '../../domain/cards'
import { buildStudyContent } from '../../domain/content'
import { checkData } from '../../db/check-data'
import { StudyDatabase } from '../../db/database'
import { studyStore } from '../../db/review-queue'
import { logPracticeTest } from '../../db/test-log'
import { questionCardIds } from './practice-test-score'
import type { TestQuestion } from './practice-test-draw'
import { PracticeTest } from './practice-test.svelte'

const content = buildStudyContent(realPack())
const T0 = Date.UTC(2026, 2, 2, 10)
let db: StudyDatabase
let counter = 0

beforeEach(async () => {
  db = new StudyDatabase(`practice-test-${Date.now()}-${counter++}`)
  await db.open()
  await studyStore(() => db).syncCardIds([...content.cardIds], T0)
})
afterEach(() => db.close())

function newTest(counts: boolean): PracticeTest {
  const test = new PracticeTest(
    content,
    studyStore(() => db),
    () => 0.9,
    (reviews) => logPracticeTest(reviews, db)
  )
  test.config.count = 8
  test.config.counts = counts
  return test
}

/** Answers every question, right on even ones, wrong on odd ones; returns the cards asked. */
async function takeTest(test: PracticeTest): Promise<string[]> {
  test.start(T0)
  expect(test.phase).toBe('running')
  const asked = test.questions.flatMap(questionCardIds)
  for (let i = 0; test.current; i++) {
    const q = test.current
    await test.answer(i % 2 === 0 ? right(q) : wrong(q), T0 + 10_000 * (i + 1))
  }
  expect(test.phase).toBe('results')
  return asked
}

function right(q: TestQuestion) {
  if (q.kind === 'choice') return q.choice.correctIndex
  if (q.kind === 'order') {
    return [...q.events].sort((a, b) => eventSortKey(a) - eventSortKey(b)).map((e) => e.id)
  }
  return q.card.answer
}
function wrong(q: TestQuestion) {
  if (q.kind === 'choice') return (q.choice.correctIndex + 1) % q.choice.options.length
  if (q.kind === 'order') {
    return [...q.events].sort((a, b) => eventSortKey(b) - eventSortKey(a)).map((e) => e.id)
  }
  return ''
}

describe('a practice test', () => {
  it('not counted: logs every answer as a test, changes no card, and Check data is clean', async () => {
    const before = await db.cards.toArray()
    const test = newTest(false)
    const asked = await takeTest(test)
    expect(test.score).toBe(4)
    expect(test.mistakes).toHaveLength(4)
    expect(test.counted).toBe(false)
    const logs = await db.reviewLogs.toArray()
    expect(logs.map((l) => l.cardId)).toEqual(asked)
    for (const log of logs) expect(log).toMatchObject({ mode: 'test', scheduled: false })
    expect(await db.cards.toArray()).toEqual(before)
    expect(await checkData(db)).toMatchObject({ repaired: 0, repairedLogs: 0 })
  })

  it('counted: schedules each card asked (Good when right, Again when wrong) as a test', async () => {
    const before = new Map((await db.cards.toArray()).map((r) => [r.id, r]))
    const test = newTest(true)
    const asked = await takeTest(test)
    expect(test.counted).toBe(true)
    const logs = await db.reviewLogs.toArray()
    expect(logs.map((l) => l.cardId)).toEqual(asked)
    for (const log of logs) {
      expect(log.mode).toBe('test')
      expect(changedSchedule(log)).toBe(true)
      expect('scheduled' in log).toBe(false)
    }
    const after = await db.cards.bulkGet(asked)
    for (const row of after) {
      expect(sameState(stateOf(row!), stateOf(before.get(row!.id)!)), row!.id).toBe(false)
      expect(row!.reps).toBe(1)
    }
    // The grade follows the answer: the wrong ones are Again, the right ones Good.
    expect(new Set(logs.map((l) => l.rating))).toEqual(new Set([1, 3]))
    const untouched = (await db.cards.toArray()).filter((r) => !asked.includes(r.id))
    for (const row of untouched) expect(row).toEqual(before.get(row.id))
    expect(await checkData(db)).toMatchObject({ repaired: 0, repairedLogs: 0 })
  })

  it('gives the last question back when its logs cannot be saved, so answering again retries', async () => {
    let fail = true
    const test = new PracticeTest(
      content,
      studyStore(() => db),
      () => 0.9,
      async (reviews) => {
        if (fail) throw new Error('disk full')
        return logPracticeTest(reviews, db)
      }
    )
    test.config.count = 5
    test.start(T0)
    while (test.answers.length < test.questions.length - 1) await test.answer(right(test.current!))
    const last = test.current!
    await expect(test.answer(right(last))).rejects.toThrow('disk full')
    expect(test.phase).toBe('running')
    expect(test.current).toBe(last)
    expect(await db.reviewLogs.count()).toBe(0)
    fail = false
    await test.answer(right(last))
    expect(test.phase).toBe('results')
    expect(test.score).toBe(5)
    expect(await db.reviewLogs.count()).toBe(test.questions.flatMap(questionCardIds).length)
  })

  it('starts again from the setup, and stays on it when nothing can be asked', () => {
    const test = newTest(false)
    test.config.eras = ['early-contact']
    test.config.themes = ['space']
    expect(test.available).toBe(0)
    test.start(T0)
    expect(test.phase).toBe('setup')
    test.config.eras = []
    test.config.themes = []
    test.start(T0)
    expect(test.phase).toBe('running')
    test.again()
    expect(test.phase).toBe('setup')
    expect(test.questions).toEqual([])
  })
})
