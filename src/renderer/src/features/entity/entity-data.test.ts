import { describe, expect, it } from 'vitest'
import { realPack } from '../../test-support/real-pack'
import { buildStudyContent } from '../../domain/content'
import { dateKey, entitiesByKind, entityView } from './entity-data'

const content = buildStudyContent(realPack())

describe('entityView', () => {
  it('gathers a person’s events in date order, the paragraphs naming them and their cards', () => {
    const view = entityView(content, 'alexandra-kollontai')
    expect(view?.entity.name).toBe('Alexandra Kollontai')
    expect(view?.events.map((e) => e.id)).toContain('1926-kollontai-ambassador')
    const keys = view?.events.map(dateKey) ?? []
    expect(keys).toEqual([...keys].sort((a, b) => a - b))
    expect(view?.paragraphs.map((p) => p.block.id)).toContain('p-soviet-era-1')
    expect(view?.cards.length).toBeGreaterThan(0)
    expect(view?.cards.every((c) => c.entityIds.includes('alexandra-kollontai'))).toBe(true)
  })

  it('finds the editorial notes on the entity or on its events', () => {
    const noted = content.pack.notes.find((n) =>
      n.attachedTo.some((id) => content.eventById.get(id)?.entityIds.length)
    )
    expect(noted).toBeDefined()
    const event = content.eventById.get(noted!.attachedTo.find((id) => content.eventById.has(id))!)
    const view = entityView(content, event!.entityIds[0]!)
    expect(view?.notes.map((n) => n.id)).toContain(noted!.id)
  })

  it('is undefined for an unknown id', () => {
    expect(entityView(content, 'nobody')).toBeUndefined()
  })

  it('lists every entity once, by kind', () => {
    const all = entitiesByKind(content).flatMap((g) => g.entities)
    expect(all).toHaveLength(content.pack.entities.length)
  })
})
