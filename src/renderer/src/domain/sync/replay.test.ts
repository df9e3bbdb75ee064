import { describe, expect, it } from 'vitest'
import { newCardState, schedule } from '../scheduler'
import { replayCard, type ReplayEvent, type ReplayReview } from './replay'

const T = Date.UTC(2026, 0, 1)
const r = (uid: string, at: number, rating: 1 | 2 | 3 | 4 = 3): ReplayReview => ({
  uid,
  at,
  rating,
  retention: 0.9
})

describe('replayCard', () => {
  it('schedules the reviews in time order whatever order they come in, ties by id', () => {
    const reviews = [r('b', T + 2000, 1), r('a', T + 1000, 3), r('c', T + 2000, 4)]
    const expected = schedule(
      schedule(schedule(newCardState(T), 3, T + 1000, 0.9), 1, T + 2000, 0.9),
      4,
      T + 2000,
      0.9
    )
    expect(replayCard(T, reviews, []).state).toEqual(expected)
    expect(replayCard(T, [...reviews].reverse(), []).state).toEqual(expected)
    expect(replayCard(T, reviews, []).befores.get('a')).toEqual(newCardState(T))
  })

  it('a practice test not counted towards the schedule is kept but changes nothing', () => {
    const test: ReplayReview = { ...r('t', T + 1500, 1), scheduled: false }
    const replayed = replayCard(T, [r('a', T + 1000, 3), test, r('b', T + 2000, 3)], [])
    const afterA = schedule(newCardState(T), 3, T + 1000, 0.9)
    expect(replayed.befores.get('t')).toEqual(afterA)
    expect(replayed.state).toEqual(schedule(afterA, 3, T + 2000, 0.9))
    expect(replayed.applied).toBe(2)
  })

  it('an undone review does not count; suspend, bury and reset apply in their place', () => {
    const events: ReplayEvent[] = [
      { uid: 'u', at: T + 5000, kind: 'undo', review: 'b' },
      { uid: 's', at: T + 500, kind: 'suspend' },
      { uid: 'bury', at: T + 3000, kind: 'bury', until: T + 86_400_000 }
    ]
    const out = replayCard(T, [r('a', T + 1000), r('b', T + 2000)], events)
    expect(out.applied).toBe(1)
    expect(out.befores.has('b')).toBe(false)
    expect(out.suspended).toBe(1)
    expect(out.buriedUntil).toBe(T + 86_400_000)
    // A review after a bury lifts it; a reset makes the card new again, due in its local place.
    const later = replayCard(
      T,
      [r('a', T + 1000), r('c', T + 4000)],
      [...events, { uid: 'x', at: T + 4500, kind: 'reset' }]
    )
    expect(later.buriedUntil).toBe(0)
    expect(later.state).toEqual(newCardState(T))
  })
})
