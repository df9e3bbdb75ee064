import { describe, expect, it } from 'vitest'
import { inIdleSlices } from './idle'

describe('inIdleSlices', () => {
  it('visits every item once, in order, across as many slices as it takes', async () => {
    const items = Array.from({ length: 20_000 }, (_, i) => i)
    const seen: number[] = []
    // Other work queued meanwhile runs between slices: the walk gives the thread back.
    const between: number[] = []
    const other = setInterval(() => between.push(seen.length), 0)
    await inIdleSlices(items, (n) => {
      seen.push(n)
      // Some items are slow, so the walk runs past a slice's budget and resumes in another.
      if (n % 1000 === 0) for (const end = performance.now() + 3; performance.now() < end;);
    })
    clearInterval(other)
    expect(seen).toEqual(items)
    expect(between.some((n) => n > 0 && n < items.length)).toBe(true)
  })

  it('ends at once on nothing to do', async () => {
    const seen: number[] = []
    await inIdleSlices([], (n: number) => seen.push(n))
    expect(seen).toEqual([])
  })
})
