import { describe, expect, it } from 'vitest'
import { newCardState, schedule } from './scheduler'
import { adjustCounts, bucketOf, newShown, nextStudyDay, studyDayStart } from './study-queue'

const flags = { retired: 0 as const, suspended: 0 as const, buriedUntil: 0 }

describe('the study day and due buckets', () => {
  it('starts the study day at 4 am local time', () => {
    const late = new Date(2026, 4, 10, 2, 30).getTime()
    expect(studyDayStart(late)).toBe(new Date(2026, 4, 9, 4).getTime())
    expect(nextStudyDay(late)).toBe(new Date(2026, 4, 10, 4).getTime())
    const day = new Date(2026, 4, 10, 15).getTime()
    expect(nextStudyDay(day)).toBe(new Date(2026, 4, 11, 4).getTime())
  })

  it('buckets cards and adjusts counts from before and after states', () => {
    const now = new Date(2026, 4, 10, 15).getTime()
    const cutoff = nextStudyDay(now)
    const fresh = { ...newCardState(now), ...flags }
    const learning = { ...schedule(fresh, 3, now, 0.9), ...flags }
    const review = { ...schedule(learning, 3, learning.due, 0.9), ...flags }
    expect(bucketOf(fresh, now, cutoff)).toBe('new')
    expect(bucketOf(learning, now, cutoff)).toBe('learning')
    expect(bucketOf(review, now, cutoff)).toBeNull()
    expect(bucketOf({ ...fresh, suspended: 1 }, now, cutoff)).toBeNull()
    expect(bucketOf({ ...fresh, retired: 1 }, now, cutoff)).toBeNull()
    expect(bucketOf({ ...fresh, buriedUntil: cutoff }, now, cutoff)).toBeNull()
    let counts = { new: 5, learning: 0, review: 2 }
    counts = adjustCounts(counts, fresh, learning, now, cutoff)
    expect(counts).toEqual({ new: 4, learning: 1, review: 2 })
    counts = adjustCounts(counts, learning, review, now, cutoff)
    expect(counts).toEqual({ new: 4, learning: 0, review: 2 })
    counts = adjustCounts(counts, learning, fresh, now, cutoff)
    expect(counts).toEqual({ new: 5, learning: 0, review: 2 })
  })

  it('applies the daily new-card limit', () => {
    expect(newShown(100, 0, 20)).toBe(20)
    expect(newShown(100, 18, 20)).toBe(2)
    expect(newShown(100, 25, 20)).toBe(0)
    expect(newShown(3, 0, 20)).toBe(3)
  })
})
