import { describe, expect, it } from 'vitest'
import {
  CARD_STATE_KEYS,
  isMastered,
  masteredUntil,
  stateOf,
  toCardRow,
  toStoredCard
} from './card-state'
import { newCardState, retrievability, schedule, type Rating } from './scheduler'
import { seededRandom } from './quiz'

const DAY = 86_400_000
const T0 = Date.UTC(2026, 0, 5, 9)

describe('card state', () => {
  it('agrees with ts-fsrs: mastered exactly while retrievability is at least 90 %', () => {
    const random = seededRandom(7)
    let checked = 0
    for (let n = 0; n < 200; n++) {
      let state = newCardState(T0)
      let now = T0
      const answers = 2 + Math.floor(random() * 6)
      for (let i = 0; i < answers; i++) {
        state = schedule(state, (1 + Math.floor(random() * 4)) as Rating, now, 0.9)
        now = Math.max(state.due, now + 60_000)
      }
      // Skip a stability that is a whole number of days: there ts-fsrs rounds R to exactly 0.9.
      if (Number.isInteger(state.stability)) continue
      for (const days of [0, 0.5, 1, 3, 10, 30, 100, 400]) {
        const at = (state.lastReview ?? T0) + days * DAY
        expect(isMastered(state, at)).toBe(state.state === 2 && retrievability(state, at) >= 0.9)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(1000)
  })

  it('is never mastered while new, learning or relearning', () => {
    const fresh = newCardState(T0)
    expect(masteredUntil(fresh)).toBe(0)
    const learning = schedule(fresh, 3, T0, 0.9)
    expect(learning.state).toBe(1)
    expect(isMastered(learning, T0 + 1000)).toBe(false)
  })

  it('keeps state fields only, and strips the derived field for backups', () => {
    const state = schedule(newCardState(T0), 4, T0, 0.9)
    const row = toCardRow({ id: 'x', ...state, suspended: 0, buriedUntil: 0, retired: 0 })
    expect(Object.keys(stateOf(row))).toEqual(CARD_STATE_KEYS)
    expect(row.masteredUntil).toBe(masteredUntil(state))
    expect(toStoredCard(row)).not.toHaveProperty('masteredUntil')
  })
})
