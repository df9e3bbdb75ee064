/**
 * Everything the app knows about one person, place or organisation, gathered from the content
 * model: its events in date order, the paragraphs that name it, its cards and its editorial
 * notes. Pure.
 */
import type { Block, EditorialNote, Entity, StudyEvent } from '$shared/pack-schema'
import type { StudyContent } from '../../domain/content'
import type { StudyCard } from '../../domain/study-card'
import { compareText } from '../../domain/text-fold'

/** How each kind of entity is named on its page and in lists. */
export const ENTITY_KIND_LABELS: Record<Entity['kind'], string> = {
  person: 'Person',
  place: 'Place',
  organisation: 'Organisation',
  company: 'Company'
}

/** One paragraph (or caption) that names the entity, with the section it stands in. */
export interface NamingBlock {
  block: Block
  sectionTitle: string
}

export interface EntityView {
  entity: Entity
  events: StudyEvent[]
  paragraphs: NamingBlock[]
  cards: StudyCard[]
  notes: EditorialNote[]
}

/** A sortable number for an event's date (its start). */
export function dateKey(event: StudyEvent): number {
  const d = event.date
  const month = d.precision === 'day' || d.precision === 'month' ? d.month : 0
  const day = d.precision === 'day' ? d.day : 0
  return d.year * 10_000 + month * 100 + day
}

/** The page of an entity, or undefined for an unknown id. */
export function entityView(content: StudyContent, id: string): EntityView | undefined {
  const entity = content.entityById.get(id)
  if (!entity) return undefined
  const { pack } = content
  const events = pack.events
    .filter((e) => e.entityIds.includes(id))
    .sort((a, b) => dateKey(a) - dateKey(b))
  const wanted = new Set(entity.paragraphIds)
  const paragraphs = pack.sections.flatMap((section) =>
    section.blocks
      .filter((block) => wanted.has(block.id))
      .map((block) => ({ block, sectionTitle: section.title }))
  )
  const cards = content.cards.filter((c) => c.entityIds.includes(id))
  const about = new Set([id, ...events.map((e) => e.id)])
  const notes = pack.notes.filter((n) => n.attachedTo.some((target) => about.has(target)))
  return { entity, events, paragraphs, cards, notes }
}

/** Every entity by kind (people, places, organisations, companies), by name within a kind. */
export function entitiesByKind(
  content: StudyContent
): { kind: Entity['kind']; entities: Entity[] }[] {
  const kinds = Object.keys(ENTITY_KIND_LABELS) as Entity['kind'][]
  return kinds.map((kind) => ({
    kind,
    entities: content.pack.entities
      .filter((e) => e.kind === kind)
      .sort((a, b) => compareText(a.name, b.name))
  }))
}
