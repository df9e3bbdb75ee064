/**
 * Cards for the people, places, organisations and companies of the pack: one per entity the
 * article tells apart from every other, and one list card per group the pack names together.
 */
import type { Entity, EntityGroup, Theme } from '$shared/pack-schema'
import { cardIds } from '../card-ids'
import {
  type CardContext,
  type Draft,
  eraOfParagraph,
  paragraphCitations,
  spellings
} from './context'
import { eventDateLabel } from './event-dates'
import { listText } from './english'

const ASK = {
  person: 'Who was this?',
  place: 'Which place?',
  organisation: 'Which organisation?',
  company: 'Which company?'
} as const

/** The card of one entity: "Who was this? Russian explorer who arrived in California in 1806". */
function entityCard(
  context: CardContext,
  entity: Entity,
  paragraphThemes: ReadonlyMap<string, Theme[]>
): Draft {
  const { pack, events } = context
  const eventsOf = events.filter((e) => e.entityIds.includes(entity.id))
  // The event the card belongs to: the first one the entity takes part in, if it comes from the
  // paragraph that states the entity's role (APEC's role is in the introduction, not the photo).
  const first = eventsOf.find((e) => e.paragraphId === entity.paragraphIds[0])
  const linked = first ? eventsOf : []
  const paragraphId = first?.paragraphId ?? entity.paragraphIds[0]!
  const cue = entity.cue ?? entity.role
  // Two people with the same role (two emperors) are told apart by the event they belong to.
  const twin = pack.entities.some(
    (o) => o.id !== entity.id && o.kind === entity.kind && (o.cue ?? o.role) === cue
  )
  const context_ = twin && first ? ` (${first.title}, ${eventDateLabel(first)})` : ''
  // A role that another entity's role begins with fits both ("Territory Russia planned to
  // colonise from 1806" is Alaska and California): name the other as not meant.
  const wider = pack.entities.filter(
    (o) => o.id !== entity.id && o.kind === entity.kind && (o.cue ?? o.role).startsWith(cue)
  )
  const other = wider.length ? `, other than ${listText(wider.map((o) => o.name))}` : ''
  return {
    id: cardIds.entity(entity.kind, entity.id),
    kind: entity.kind,
    question: `${ASK[entity.kind]} ${cue}${context_}${other}`,
    answer: entity.name,
    answerKind: entity.kind,
    accept: [...(entity.aliases ?? [])],
    era: first?.era ?? eraOfParagraph(pack, paragraphId),
    themes: first
      ? [...new Set(linked.flatMap((e) => e.themes))]
      : [...(paragraphThemes.get(paragraphId) ?? ['diplomacy'])],
    paragraphId,
    eventId: first?.id,
    entityIds: [entity.id],
    citations: first ? [...first.citations] : paragraphCitations(pack, paragraphId)
  }
}

/** The list card of a group: "Which three organisations are both nations members of?" */
function groupCard(context: CardContext, group: EntityGroup): Draft {
  const { pack, events, entityById } = context
  const members = group.entityIds
    .map((id) => entityById.get(id))
    .filter((e): e is Entity => e !== undefined)
  const kind = members[0]!.kind
  const inParagraph = events.filter((e) => e.paragraphId === group.paragraphId)
  const involved = inParagraph.filter((e) => e.entityIds.some((id) => group.entityIds.includes(id)))
  const themes: Theme[] = [
    ...new Set((involved.length ? involved : inParagraph).flatMap((e) => e.themes))
  ]
  return {
    id: cardIds.group(kind, group.entityIds),
    kind,
    question: group.question,
    answer: listText(members.map((e) => e.name)),
    answerKind: kind,
    accept: [],
    parts: members.map((e) => spellings(e.name, e.aliases)),
    include: group.include,
    era: eraOfParagraph(pack, group.paragraphId),
    themes: themes.length ? themes : ['diplomacy'],
    paragraphId: group.paragraphId,
    entityIds: [...group.entityIds],
    citations: paragraphCitations(pack, group.paragraphId)
  }
}

/**
 * Every entity card and group card, entities in pack order, groups after them. `paragraphThemes`
 * gives the themes of a paragraph's other cards, for an entity that takes part in no event.
 */
export function entityCards(
  context: CardContext,
  paragraphThemes: ReadonlyMap<string, Theme[]>
): Draft[] {
  const { pack } = context
  return [
    ...pack.entities
      .filter((e) => e.card !== false)
      .map((e) => entityCard(context, e, paragraphThemes)),
    // A group whose entities a pack update removed is asked no more.
    ...(pack.groups ?? [])
      .filter((g) => g.entityIds.every((id) => context.entityById.has(id)))
      .map((g) => groupCard(context, g))
  ]
}
