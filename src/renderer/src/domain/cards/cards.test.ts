import { describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import { findBlock } from '$shared/pack-integrity'
import { eventDateLabel, generateCards, notesForCard } from '.'

const pack = realPack()
const cards = generateCards(pack)
const ids = new Set(cards.map((c) => c.id))

describe('generateCards', () => {
  it('gives every card a unique id, and the same ids on every run', () => {
    expect(ids.size).toBe(cards.length)
    expect(generateCards(realPack()).map((c) => c.id)).toEqual(cards.map((c) => c.id))
    expect(ids).toContain('event-when:1812-fort-ross')
    expect(ids).toContain('person:leon-trotsky')
    expect(ids).toContain('figure:trade-total-2014')
    expect(ids).toContain('company:power-machines')
    expect(ids).toContain('equipment:9k38-igla')
    expect(ids).toContain('equipment:mexican-navy-received')
    expect(ids).toContain('organisation:apec+g-20+united-nations')
    expect(ids).toContain('hand:card-trotsky-hosts')
    expect(ids).toContain('cloze:p-history-1:2:1812')
  })

  it('covers every event (what and when), entity, figure, flow, equipment and hand card', () => {
    for (const e of pack.events) {
      expect(ids, e.id).toContain(`event-what:${e.id}`)
      expect(ids, e.id).toContain(`event-when:${e.id}`)
    }
    // An entity the article tells apart has a card of its own; the others are asked in a group
    // (the two painters, the three organisations, the two cities, the eight companies) or, for
    // Chile (named only in a photo's file name), not at all.
    for (const e of pack.entities) {
      const own = cards.some(
        (c) => c.kind === e.kind && c.entityIds.length === 1 && c.entityIds[0] === e.id
      )
      expect(own, e.id).toBe(e.card !== false)
      if (e.card === false && e.id !== 'chile') {
        expect(
          cards.some(
            (c) => (c.kind !== 'cloze' && c.entityIds.includes(e.id)) || c.answer.includes(e.name)
          ),
          e.id
        ).toBe(true)
      }
    }
    expect(cards.some((c) => c.question.includes('Chile') || c.answer.includes('Chile'))).toBe(
      false
    )
    for (const f of pack.trade.figures) expect(ids).toContain(`figure:${f.id}`)
    for (const f of pack.trade.flows)
      expect(ids).toContain(`trade-flow:${f.from.toLowerCase()}-${f.to.toLowerCase()}`)
    for (const q of pack.trade.equipment) {
      expect(cards.some((c) => c.kind === 'equipment' && c.factIds?.includes(q.id))).toBe(true)
    }
    for (const h of pack.cards) expect(ids).toContain(`hand:${h.id}`)
  })

  it('covers the facts the first audit found uncovered', () => {
    const answers = (id: string) => {
      const card = cards.find((c) => c.id === id)!
      return [card.answer, ...card.accept].join(' | ')
    }
    expect(answers('hand:card-rezanov-purpose')).toMatch(/fur trade.*food/)
    expect(answers('hand:card-california-spanish')).toMatch(/Spanish empire/)
    expect(answers('hand:card-ally-ussr')).toMatch(/declaring war on the axis/)
    expect(answers('place:mexico-city+cancun')).toBe('Mexico City and Cancún')
    expect(answers('hand:card-first-legation')).toMatch(/Mexico City/)
    expect(answers('hand:card-satellite-kind')).toMatch(/Communication satellites/)
    expect(answers('hand:card-trotsky-killed-where')).toMatch(/his home/)
    expect(answers('hand:card-relations-since-1991')).toMatch(/steadily increased/)
  })

  it('fixes the cards the first audit found untrustworthy', () => {
    const card = (id: string) => cards.find((c) => c.id === id)
    // Cancún shares its flights with Mexico City; the painters share one home.
    expect(card('place:cancun')).toBeUndefined()
    expect(card('person:diego-rivera')).toBeUndefined()
    expect(card('person:frida-kahlo')).toBeUndefined()
    // Fox's term is the editors' knowledge, not the article's.
    expect(card('person:vicente-fox')!.question).not.toMatch(/2000|2006/)
    expect(card('person:vladimir-putin')!.question).toMatch(/Vicente Fox in November 2004/)
    expect(card('person:nikolai-rezanov')!.question).toMatch(/California in 1806/)
    // "Diplomatic relations established" says with whom (the USSR's are another event).
    expect(card('event-when:1890-relations-established')!.question).toMatch(/Russian Empire/)
    // The trade total says which reading of the source's figure it asks for.
    expect(card('figure:trade-total-2014')!.question).toMatch(/editors' note/)
    // No hand-written card repeats a generated one; companies are one list, not nine pairs.
    for (const id of ['card-kollontai', 'card-echeverria', 'card-baikonur']) {
      expect(card(`hand:${id}`)).toBeUndefined()
    }
    expect(cards.filter((c) => c.kind === 'company')).toHaveLength(2)
    expect(card('trade-flow:mx-ru')!.include).toBe(true)
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
    const equipment = cards.find((c) => c.id === 'equipment:mexican-navy-received')!
    expect(notesForCard(pack, equipment).map((n) => n.id)).toContain('note-military-unsourced')
    expect(notesForCard(pack, equipment).map((n) => n.id)).toContain('note-military-list')
    const when = cards.find((c) => c.id === 'event-when:1936-trotsky-exile')!
    expect(notesForCard(pack, when).map((n) => n.id)).toContain('note-trotsky-arrival')
    expect(notesForCard(pack, when).map((n) => n.id)).not.toContain('note-references-missing')
  })

  it("shows only the notes of the card's own facts, not every note of its paragraph", () => {
    const notes = (id: string) =>
      notesForCard(
        pack,
        cards.find((c) => c.id === id)!
      ).map((n) => n.id)
    // The "$1,784 billion" note is the trade total's, not the rank's or the exports'.
    for (const id of ['figure:trade-partner-rank', 'trade-flow:mx-ru', 'trade-flow:ru-mx']) {
      expect(notes(id), id).not.toContain('note-trade-total-billion')
    }
    // Membership of APEC is stated in the introduction; the Putin–Fox photo is another fact.
    expect(notes('organisation:apec+g-20+united-nations')).not.toContain('note-putin-fox-caption')
    // A note that concerns only paragraphs (no fact) is shown on the paragraph's own cards.
    expect(notes('trade-flow:mx-ru')).toContain('note-references-missing')
  })

  it('asks no question twice: every question has one answer', () => {
    const byQuestion = new Map<string, string[]>()
    for (const c of cards) byQuestion.set(c.question, [...(byQuestion.get(c.question) ?? []), c.id])
    const repeated = [...byQuestion].filter(([, same]) => same.length > 1)
    expect(repeated).toEqual([])
    // The two satellite launches share a title: their "when" cards are told apart.
    expect(cards.find((c) => c.id === 'event-when:2001-satellite-launch')!.question).toMatch(
      /first of two/
    )
    // Three events of 2014: each "what happened" question carries what sets it apart.
    const of2014 = cards.filter((c) => c.kind === 'event-what' && c.question.includes('2014'))
    expect(of2014).toHaveLength(3)
    expect(new Set(of2014.map((c) => c.question)).size).toBe(3)
    for (const c of of2014) expect(c.question, c.id).toMatch(/\(.+\)\?$/)
    // Alaska's role also fits California, so the question rules California out.
    expect(cards.find((c) => c.id === 'place:alaska')!.question).toMatch(/other than California/)
    // One card for the three organisations both nations belong to, with three parts.
    const members = cards.find((c) => c.id === 'organisation:apec+g-20+united-nations')!
    expect(members.question).toBe('Which three organisations are both nations members of?')
    expect(members.parts).toHaveLength(3)
  })

  it('gives hints that do not name what the answer names', () => {
    const names = pack.entities.map((e) => e.name)
    for (const c of cards.filter((c) => c.kind === 'event-what')) {
      const hint = c.question.match(/\((.+)\)\?$/)?.[1] ?? ''
      for (const name of names) {
        if (hint.includes(name)) expect(c.answer, c.id).not.toContain(name.split(' ').at(-1))
      }
    }
    expect(cards.find((c) => c.id === 'event-what:1806-colonisation-plan')!.question).toBe(
      'What happened — 1806 (an ambitious plan)?'
    )
    expect(cards.find((c) => c.id === 'event-what:1806-rezanov-california')!.question).toBe(
      'What happened — 1806 (a Russian explorer)?'
    )
  })

  it('writes dates as the source does, without a leading "in" and with capital months', () => {
    expect(cards.find((c) => c.id === 'person:alexander-iii')!.question).toContain(
      '1 December 1890'
    )
    for (const e of pack.events) {
      expect(eventDateLabel(e), e.id).not.toMatch(/^(in|on|In|On) /)
      expect(eventDateLabel(e), e.id).toMatch(/^[A-Z0-9]/)
    }
    expect(eventDateLabel(pack.events.find((e) => e.id === '1942-relations-re-established')!)).toBe(
      'November 1942'
    )
    for (const c of cards)
      expect(c.question, c.id).not.toMatch(
        /\b(january|february|march|april|may|june|july|august|september|october|november|december) \d/
      )
  })

  it("quizzes equipment only as the source states it, not the editors' descriptions", () => {
    const text = JSON.stringify(pack.sections).toLowerCase()
    const editors = pack.trade.equipment
      .map((q) => q.description.toLowerCase())
      .filter((d) => !text.includes(d))
    expect(editors.length).toBeGreaterThan(0)
    for (const c of cards.filter((c) => c.kind === 'equipment')) {
      for (const d of editors) {
        expect(c.question.toLowerCase(), c.id).not.toContain(d)
        expect(c.answer.toLowerCase(), c.id).not.toContain(d)
      }
    }
    const igla = cards.find((c) => c.id === 'equipment:9k38-igla')!
    expect(igla.question).toContain('anti-aircraft missiles')
    expect(igla.answer).toBe('9K38 Igla')
  })

  it('introduces events in chronological order', () => {
    const years = cards
      .filter((c) => c.kind === 'event-when')
      .map((c) => pack.events.find((e) => e.id === c.eventId)!.date.year)
    expect(years).toEqual([...years].sort((a, b) => a - b))
  })
})

describe('notes', () => {
  it("gives an event's what and when cards one note, with its gaps; every other card its own", () => {
    const cards = generateCards(realPack())
    const byNote = new Map<string, typeof cards>()
    for (const card of cards) byNote.set(card.noteId, [...(byNote.get(card.noteId) ?? []), card])
    for (const [noteId, same] of byNote) {
      const own = same.filter((c) => c.kind !== 'cloze')
      if (noteId.startsWith('event:')) {
        expect(own.map((c) => c.kind).sort(), noteId).toEqual(['event-what', 'event-when'])
      } else if (noteId.startsWith('paragraph:')) {
        expect(own, noteId).toEqual([])
      } else {
        expect(
          own.map((c) => c.id),
          noteId
        ).toEqual([noteId])
      }
    }
    // A gap belongs to its fact: the 1812 date to Fort Ross's event, 77,000 to the visitors figure,
    // a name with no card of its own to its paragraph.
    const note = (id: string) => cards.find((c) => c.id === id)!.noteId
    expect(note('cloze:p-history-1:2:1812')).toBe('event:1812-fort-ross')
    expect(note('cloze:p-russian-federation-1:4:77-000')).toBe('figure:russian-visitors-2014')
    expect(note('cloze:p-soviet-era-2:3:frida-kahlo')).toBe('paragraph:p-soviet-era-2')
  })
})

describe('fill-the-gap cards', () => {
  const cloze = cards.filter((c) => c.kind === 'cloze')

  it('exist for every paragraph with a datable or nameable key term', () => {
    const paragraphs = pack.sections
      .flatMap((s) => s.blocks)
      .filter((b) => b.kind === 'paragraph')
      .map((b) => b.id)
    expect(new Set(cloze.map((c) => c.paragraphId))).toEqual(new Set(paragraphs))
    for (const c of cloze) {
      expect(c.question, c.id).toContain('_____')
      expect(c.era, c.id).toBeTruthy()
      expect(c.themes.length, c.id).toBeGreaterThan(0)
    }
  })

  it('never blank the words an editorial note corrects', () => {
    // "$1,784 billion", "Alaska and California (then under the Spanish empire)", "In 1922, Russia
    // became known as the USSR", the equipment list's missing comma.
    const answers = cloze.map((c) => c.answer)
    for (const wrong of ['$1,784 billion', '1,784', 'Alaska', '1922', 'BTR-60', 'Ural-4320']) {
      expect(answers).not.toContain(wrong)
    }
    const fortRoss = cloze.find((c) => c.id === 'cloze:p-history-1:2:1812')!
    expect(fortRoss.question).toBe(
      'In _____, Fort Ross was established in present-day northern California.'
    )
    expect(fortRoss.date).toEqual({ precision: 'year', year: 1812 })
  })

  it('show the note that corrects their sentence', () => {
    const tlatelolco = cloze.find((c) => c.id === 'cloze:p-soviet-era-3:3:1978')!
    expect(notesForCard(pack, tlatelolco).map((n) => n.id)).toContain('note-tlatelolco-1978')
    const trade = cloze.find((c) => c.id === 'cloze:p-trade-1:0:2014')!
    expect(notesForCard(pack, trade).map((n) => n.id)).toContain('note-trade-total-billion')
  })
})
