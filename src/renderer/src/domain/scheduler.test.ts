import { describe, expect, it } from 'vitest'
import {
  formatInterval,
  newCardState,
  previewDue,
  retrievability,
  schedule,
  type Rating
} from './scheduler'

const DAY = 86_400_000
const t0 = Date.UTC(2026, 0, 1, 9)

describe('the scheduler wrapper', () => {
  it('keeps a new card answered Good in learning for 10 minutes, then graduates it', () => {
    const first = schedule(newCardState(t0), 3, t0, 0.9)
    expect(first.state).toBe(1)
    expect(first.due - t0).toBe(10 * 60_000)
    const second = schedule(first, 3, first.due, 0.9)
    expect(second.state).toBe(2)
    expect(second.due - first.due).toBeGreaterThanOrEqual(DAY)
  })

  it('replays a log to exactly the same state every time (fuzz off)', () => {
    const ratings: Rating[] = [3, 3, 1, 3, 4, 2]
    const run = () => {
      let state = newCardState(t0)
      let now = t0
      for (const r of ratings) {
        state = schedule(state, r, now, 0.9)
        now = state.due
      }
      return state
    }
    expect(run()).toEqual(run())
  })

  it('gives shorter intervals for a higher desired retention, and orders the buttons', () => {
    let state = newCardState(t0)
    state = schedule(state, 3, t0, 0.9)
    state = schedule(state, 3, state.due, 0.9)
    const at = state.due
    const relaxed = previewDue(state, at, 0.8)
    const strict = previewDue(state, at, 0.97)
    expect(strict[3]).toBeLessThan(relaxed[3])
    expect(relaxed[1]).toBeLessThan(relaxed[2])
    expect(relaxed[2]).toBeLessThan(relaxed[3])
    expect(relaxed[3]).toBeLessThan(relaxed[4])
  })

  it('reports retrievability falling with time, and 0 for a new card', () => {
    expect(retrievability(newCardState(t0), t0)).toBe(0)
    let state = schedule(newCardState(t0), 3, t0, 0.9)
    state = schedule(state, 3, state.due, 0.9)
    const soon = retrievability(state, state.lastReview! + DAY)
    const later = retrievability(state, state.lastReview! + 60 * DAY)
    expect(soon).toBeGreaterThan(later)
    expect(soon).toBeLessThanOrEqual(1)
  })

  it.each([
    [10 * 60_000, '10m'],
    [3 * 3_600_000, '3h'],
    [2 * DAY, '2d'],
    [45 * DAY, '1.5mo'],
    [730 * DAY, '2y']
  ])('labels %d ms as %s', (ms, label) => {
    expect(formatInterval(ms)).toBe(label)
  })
})
