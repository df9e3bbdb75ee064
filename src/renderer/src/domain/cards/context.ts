/** What every card generator reads from the pack, built once per `generateCards` call. */
import type { Entity, Pack, StudyEvent } from '$shared/pack-schema'
import { findBlock } from '$shared/pack-integrity'
import type { StudyCard } from '../study-card'
import { eventSortKey } from './event-dates'

/** A card before its note id is known (most cards are a note of their own). */
export type Draft = Omit<StudyCard, 'noteId'> & { noteId?: string }

/** The pack with its events in date order and lookups by id. */
export interface CardContext {
  pack: Pack
  /** Events in date order, the order their cards are introduced in. */
  events: StudyEvent[]
  eventById: ReadonlyMap<string, StudyEvent>
  entityById: ReadonlyMap<string, Entity>
}

/** Builds the generators' view of a pack. */
export function cardContext(pack: Pack): CardContext {
  return {
    pack,
    events: [...pack.events].sort((a, b) => eventSortKey(a) - eventSortKey(b)),
    eventById: new Map(pack.events.map((e) => [e.id, e])),
    entityById: new Map(pack.entities.map((e) => [e.id, e]))
  }
}

/** The citation numbers of a paragraph (none for a figure caption). */
export function paragraphCitations(pack: Pack, paragraphId: string): number[] {
  const found = findBlock(pack, paragraphId)
  return found && found.block.kind !== 'figure' ? [...found.block.citations] : []
}

/** The words of a block: a paragraph's text or a figure's caption. */
export function blockText(pack: Pack, blockId: string): string {
  const found = findBlock(pack, blockId)
  if (!found) return ''
  return found.block.kind === 'figure' ? found.block.caption : found.block.text
}

/** The era a year falls in (the latest era that contains it, so 1917 is "revolutions"). */
export function eraOfYear(pack: Pack, year: number): string {
  const matching = pack.eras.filter(
    (e) => e.start <= year && (e.end === undefined || year <= e.end)
  )
  return (matching.at(-1) ?? pack.eras.at(-1)!).id
}

/** The era of a paragraph: that of its first event, else the last era (the article's present). */
export function eraOfParagraph(pack: Pack, paragraphId: string): string {
  return pack.events.find((e) => e.paragraphId === paragraphId)?.era ?? pack.eras.at(-1)!.id
}

/** The spellings a named item may be typed in: "Mi-17/Mi-8" also as "Mi-17" or "Mi-8". */
export function spellings(name: string, aliases: readonly string[] = []): string[] {
  const all = [name, ...aliases]
  if (name.includes('/')) all.push(...name.split('/'))
  const words = name.split(/\s+/)
  // "9K38 Igla" is also just "Igla".
  if (words.length > 1 && /^[A-Z][a-z]+$/.test(words.at(-1)!) && /\d/.test(words[0]!)) {
    all.push(words.at(-1)!)
  }
  return [...new Set(all)]
}
