/** The two cards of every event: what happened at its date, and when it happened. */
import { THEME_LABELS, type Entity, type StudyEvent } from '$shared/pack-schema'
import { cardIds, noteIds } from '../card-ids'
import type { CardContext, Draft } from './context'
import { datesOverlap, eventDateLabel } from './event-dates'
import { article } from './english'

/** True when any word of a name (of four letters or more) appears in a text. */
function mentions(text: string, name: string): boolean {
  const lower = text.toLowerCase()
  return name
    .toLowerCase()
    .split(/[\s-]+/)
    .some((word) => word.length >= 4 && lower.includes(word))
}

/**
 * What tells an event apart from others of a date that could be the same ("What happened — 2014?"
 * fits three events), without giving the answer away: the pack's own cue where it gives one;
 * else people of its own, by name where the title does not name them, else by role; else a theme
 * of its own. Empty when nothing tells it apart (the card-quality suite then fails).
 */
function eventHint(
  event: StudyEvent,
  rivals: StudyEvent[],
  entities: ReadonlyMap<string, Entity>
): string {
  if (rivals.length === 0) return ''
  if (event.cue) return ` (${event.cue})`
  const people = event.entityIds
    .map((id) => entities.get(id))
    .filter((e): e is Entity => e?.kind === 'person')
    .filter((p) => rivals.every((r) => !r.entityIds.includes(p.id)))
  const unnamed = people.filter((p) => !mentions(event.title, p.name))
  if (unnamed.length > 0) {
    return ` (involving ${unnamed
      .slice(0, 2)
      .map((p) => p.name)
      .join(' and ')})`
  }
  const theme = event.themes.find((t) => rivals.every((r) => !r.themes.includes(t)))
  if (theme) return ` (theme: ${THEME_LABELS[theme]})`
  const role = people[0]?.role
  if (role && !mentions(event.title, role)) return ` (involving ${article(role)} ${role})`
  return ''
}

/** "What happened — 1 December 1890?" and "When? Diplomatic relations established…" per event. */
export function eventCards(context: CardContext): Draft[] {
  const { events, entityById } = context
  const cards: Draft[] = []
  for (const event of events) {
    const base = {
      era: event.era,
      themes: [...event.themes],
      paragraphId: event.paragraphId,
      eventId: event.id,
      entityIds: [...event.entityIds],
      citations: [...event.citations],
      noteId: noteIds.event(event.id)
    }
    // Events of a date that could be the same need a cue to tell them apart (ranges such as
    // "1910-1920" are not asked about as one moment, so they need none).
    const rivals =
      event.date.precision === 'range'
        ? []
        : events.filter(
            (o) => o.id !== event.id && o.date.precision !== 'range' && datesOverlap(event, o)
          )
    cards.push({
      ...base,
      id: cardIds.eventWhat(event.id),
      kind: 'event-what',
      question: `What happened — ${eventDateLabel(event)}${eventHint(event, rivals, entityById)}?`,
      answer: event.title,
      answerKind: 'event',
      accept: [...(event.accept ?? [])],
      keyTerms: event.keyTerms?.map((term) => [...term])
    })
    cards.push({
      ...base,
      id: cardIds.eventWhen(event.id),
      kind: 'event-when',
      question: `When? ${event.title}`,
      answer: eventDateLabel(event),
      answerKind: 'date',
      accept: [],
      date: { ...event.date }
    })
  }
  return cards
}
