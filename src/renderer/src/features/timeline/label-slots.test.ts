import { describe, expect, it } from 'vitest'
import { assignSlots } from './label-slots'

describe('reusing label elements between frames', () => {
  it('an event labelled in both frames keeps its element', () => {
    const slots = assignSlots(['a', 'b', 'c'], ['b', 'c', 'd'])
    expect(slots[0]).toBe(1)
    expect(slots[1]).toBe(2)
  })

  it('a newly labelled event takes a freed element before a new one is made', () => {
    expect(assignSlots(['a', 'b'], ['b', 'x', 'y'])).toEqual([1, 0, -1])
    expect(assignSlots([], ['x'])).toEqual([-1])
  })

  it('never gives one element to two labels', () => {
    const previous = ['a', 'b', 'c', 'd', 'e']
    const next = ['e', 'q', 'a', 'r', 's', 't', 'c']
    const slots = assignSlots(previous, next)
    const used = slots.filter((s) => s >= 0)
    expect(new Set(used).size).toBe(used.length)
    expect(used.length).toBe(previous.length)
    expect(slots[0]).toBe(4)
    expect(slots[2]).toBe(0)
    expect(slots[6]).toBe(2)
  })
})
