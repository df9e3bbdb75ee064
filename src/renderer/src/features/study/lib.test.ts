import { describe, expect, it } from 'vitest'
import raw from '../../../../../resources/packs/mexico-russia/pack.json'
import { parsePack } from '$shared/pack-schema'
import { generateCards } from '../../domain/cards'
import { clampNewPerDay, clampRetention, filterIds, isTypingTarget } from './lib'

const parsed = parsePack(structuredClone(raw))
if (!parsed.ok) throw new Error(parsed.problems.join('\n'))
const cards = generateCards(parsed.pack)

describe('study screen helpers', () => {
  it('filters by era, theme and single card, and keeps all without a filter', () => {
    expect(filterIds(cards, { era: '', theme: '', card: '' })).toBeUndefined()
    const soviet = filterIds(cards, { era: 'soviet-union', theme: '', card: '' })!
    expect(soviet.has('person:leon-trotsky')).toBe(true)
    expect(soviet.has('event-when:1812-fort-ross')).toBe(false)
    const space = filterIds(cards, { era: '', theme: 'space', card: '' })!
    expect([...space].every((id) => cards.find((c) => c.id === id)!.themes.includes('space'))).toBe(
      true
    )
    expect(space.has('event-when:2001-satellite-launch')).toBe(true)
    expect([...filterIds(cards, { era: '', theme: '', card: 'company:power-machines' })!]).toEqual([
      'company:power-machines'
    ])
  })

  it('keeps settings in range', () => {
    expect(clampRetention(0.5)).toBe(0.7)
    expect(clampRetention(1)).toBe(0.99)
    expect(clampRetention(0.853)).toBe(0.85)
    expect(clampRetention('x')).toBe(0.9)
    expect(clampNewPerDay(-3)).toBe(0)
    expect(clampNewPerDay(undefined)).toBe(20)
  })

  it('tells text fields from other targets, and formats durations', () => {
    const fake = (tagName: string, type = '') =>
      ({ closest: () => ({ tagName, type }) }) as unknown as EventTarget
    expect(isTypingTarget(fake('INPUT', 'text'))).toBe(true)
    expect(isTypingTarget(fake('TEXTAREA'))).toBe(true)
    expect(isTypingTarget(fake('INPUT', 'radio'))).toBe(false)
    expect(isTypingTarget({ closest: () => null } as unknown as EventTarget)).toBe(false)
    expect(isTypingTarget(null)).toBe(false)
  })
})
