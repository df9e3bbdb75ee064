import raw from '../../../../resources/packs/mexico-russia/pack.json'
import { describe, expect, it } from 'vitest'
import { parsePack, type Pack } from '$shared/pack-schema'
import { findBlock } from '$shared/pack-integrity'
import { generateCards, notesForCard } from './cards'

function loadPack(): Pack {
  const parsed = parsePack(structuredClone(raw))
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'))
  return parsed.pack
}

const pack = loadPack()
const cards = generateCards(pack)
const ids = new Set(cards.map((c) => c.id))

describe('generateCards', () => {
  it('gives every card a unique id, and the same ids on every run', () => {
    expect(ids.size).toBe(cards.length)
    expect(generateCards(loadPack()).map((c) => c.id)).toEqual(cards.map((c) => c.id))
    expect(ids).toContain('event-when:1812-fort-ross')
    expect(ids).toContain('person:leon-trotsky')
    expect(ids).toContain('figure:trade-total-2014')
    expect(ids).toContain('company:cemex')
    expect(ids).toContain('equipment:btr-60')
    expect(ids).toContain('hand:card-kollontai')
  })

  it('covers every event (what and when), entity, figure, flow, company, equipment and hand card', () => {
    for (const e of pack.events) {
      expect(ids, e.id).toContain(`event-what:${e.id}`)
      expect(ids, e.id).toContain(`event-when:${e.id}`)
    }
    for (const e of pack.entities) {
      const kind = e.kind === 'company' ? 'company' : e.kind
      expect(ids, e.id).toContain(`${kind}:${e.id}`)
    }
    for (const f of pack.trade.figures) expect(ids).toContain(`figure:${f.id}`)
    for (const f of pack.trade.flows)
      expect(ids).toContain(`trade-flow:${f.from.toLowerCase()}-${f.to.toLowerCase()}`)
    for (const c of pack.trade.companies) expect(ids).toContain(`company:${c.entityId}`)
    for (const q of pack.trade.equipment) expect(ids).toContain(`equipment:${q.id}`)
    for (const h of pack.cards) expect(ids).toContain(`hand:${h.id}`)
  })

  it('gives every paragraph that holds a fact at least one card', () => {
    const withFacts = new Set<string>([
      ...pack.events.map((e) => e.paragraphId),
      ...pack.entities.flatMap((e) => e.paragraphIds),
      ...pack.trade.figures.map((f) => f.paragraphId),
      ...pack.trade.flows.map((f) => f.paragraphId),
      ...pack.trade.companies.map((c) => c.paragraphId),
      ...pack.trade.equipment.map((q) => q.paragraphId),
      pack.trade.flights.paragraphId
    ])
    const covered = new Set(cards.map((c) => c.paragraphId))
    for (const paragraph of withFacts) expect(covered, paragraph).toContain(paragraph)
    // and every card points at a real block, era and event
    const eras = new Set(pack.eras.map((e) => e.id))
    const events = new Set(pack.events.map((e) => e.id))
    for (const card of cards) {
      expect(findBlock(pack, card.paragraphId), card.id).toBeDefined()
      expect(eras, card.id).toContain(card.era)
      if (card.eventId) expect(events, card.id).toContain(card.eventId)
      expect(card.themes.length, card.id).toBeGreaterThan(0)
      expect(card.answer.length, card.id).toBeGreaterThan(0)
    }
  })

  it('tells apart two people with the same role, and accepts their aliases', () => {
    const a1 = cards.find((c) => c.id === 'person:alexander-i')!
    const a3 = cards.find((c) => c.id === 'person:alexander-iii')!
    expect(a1.question).not.toBe(a3.question)
    const cardenas = cards.find((c) => c.id === 'person:lazaro-cardenas')!
    expect(cardenas.answer).toBe('Lázaro Cárdenas')
    expect(cardenas.accept).toContain('Lazaro Cardenas')
    expect(cardenas.eventId).toBe('1936-trotsky-exile')
  })

  it('links figures to their event and shows the editorial notes of the fact', () => {
    const total = cards.find((c) => c.id === 'figure:trade-total-2014')!
    expect(total.eventId).toBe('2014-trade-total')
    expect(notesForCard(pack, total).map((n) => n.id)).toContain('note-trade-total-billion')
    const visitors = cards.find((c) => c.id === 'figure:russian-visitors-2014')!
    expect(visitors.eventId).toBe('2014-russian-tourists')
    const btr = cards.find((c) => c.id === 'equipment:btr-60')!
    expect(notesForCard(pack, btr).map((n) => n.id)).toContain('note-military-unsourced')
    const when = cards.find((c) => c.id === 'event-when:1936-trotsky-exile')!
    expect(notesForCard(pack, when).map((n) => n.id)).toContain('note-trotsky-arrival')
    expect(notesForCard(pack, when).map((n) => n.id)).not.toContain('note-references-missing')
  })

  it('introduces events in chronological order', () => {
    const years = cards
      .filter((c) => c.kind === 'event-when')
      .map((c) => pack.events.find((e) => e.id === c.eventId)!.date.year)
    expect(years).toEqual([...years].sort((a, b) => a - b))
  })
})
