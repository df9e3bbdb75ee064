import { afterEach, describe, expect, it, vi } from 'vitest'
import { debounce, parseFontSize, parsePosition, positionAt, type BlockBox } from './position'

const boxes: BlockBox[] = [
  { id: 'a', sectionId: 's1', top: -300, bottom: -100 },
  { id: 'b', sectionId: 's1', top: -80, bottom: 120 },
  { id: 'c', sectionId: 's2', top: 160, bottom: 400 }
]

describe('positionAt', () => {
  it('takes the block crossing the reading line, with how far past its top the line is', () => {
    expect(positionAt(boxes, 60)).toEqual({ sectionId: 's1', blockId: 'b', offset: 140 })
  })
  it('takes the next block when the line falls in a gap, and the last one past the end', () => {
    expect(positionAt(boxes, 140)).toEqual({ sectionId: 's2', blockId: 'c', offset: 0 })
    expect(positionAt(boxes, 900)).toEqual({ sectionId: 's2', blockId: 'c', offset: 740 })
    expect(positionAt([], 10)).toBeUndefined()
  })
})

describe('parsePosition', () => {
  const exists = (id: string) => id === 'p-trade-1'
  it('accepts a saved position whose block still exists', () => {
    expect(parsePosition({ sectionId: 'trade', blockId: 'p-trade-1', offset: 12 }, exists)).toEqual(
      {
        sectionId: 'trade',
        blockId: 'p-trade-1',
        offset: 12
      }
    )
  })
  it('rejects a malformed value or a block the pack no longer has', () => {
    expect(parsePosition(null, exists)).toBeUndefined()
    expect(parsePosition('p-trade-1', exists)).toBeUndefined()
    expect(parsePosition({ sectionId: 'x', blockId: 'p-gone', offset: 0 }, exists)).toBeUndefined()
    expect(
      parsePosition({ sectionId: 'trade', blockId: 'p-trade-1', offset: 'x' }, exists)
    ).toEqual({
      sectionId: 'trade',
      blockId: 'p-trade-1',
      offset: 0
    })
  })
})

describe('parseFontSize', () => {
  it('keeps a known size and falls back to medium', () => {
    expect(parseFontSize('large')).toBe('large')
    expect(parseFontSize('huge')).toBe('medium')
    expect(parseFontSize(undefined)).toBe('medium')
  })
})

describe('debounce', () => {
  afterEach(() => vi.useRealTimers())
  it('runs once with the last arguments after the calls stop', () => {
    vi.useFakeTimers()
    const seen: number[] = []
    const d = debounce((n: number) => seen.push(n), 300)
    d.call(1)
    vi.advanceTimersByTime(200)
    d.call(2)
    vi.advanceTimersByTime(200)
    expect(seen).toEqual([])
    vi.advanceTimersByTime(100)
    expect(seen).toEqual([2])
    d.call(3)
    d.flush()
    expect(seen).toEqual([2, 3])
    d.call(4)
    d.cancel()
    vi.advanceTimersByTime(1000)
    expect(seen).toEqual([2, 3])
  })
})
