/**
 * What the reader draws, prepared from the pack: the links of each block (event dates, names),
 * where each editorial note goes, and the plain text of each block. Pure.
 */
import type { Block, EditorialNote, Pack } from '$shared/pack-schema'
import { toHash } from '../../lib/route'
import type { LinkTarget } from './text'

/** The note the citation popovers show: the source's reference list is missing. */
export const REFERENCES_NOTE_ID = 'note-references-missing'

/** The words of a block that the reader shows and searches: a paragraph's text, a figure's caption. */
export function blockText(block: Block): string {
  return block.kind === 'figure' ? block.caption : block.text
}

/** How a link names what it opens, for its title and accessible description. */
const KIND_WORDS = {
  person: 'Person',
  place: 'Place',
  organisation: 'Organisation',
  company: 'Company'
} as const

/**
 * The link targets of each block: first each event whose paragraph it is (its date words link
 * to the event on the timeline), then each named person, place or organisation (its name or an
 * alias links to its own page), people before places before organisations.
 */
export function linkTargetsByBlock(pack: Pack): Map<string, LinkTarget[]> {
  const byBlock = new Map<string, LinkTarget[]>()
  const add = (id: string, target: LinkTarget) => {
    const list = byBlock.get(id) ?? []
    list.push(target)
    byBlock.set(id, list)
  }
  for (const event of pack.events) {
    add(event.paragraphId, {
      kind: 'event',
      href: toHash('timeline', [event.id]),
      label: `Date: ${event.title}, on the timeline`,
      phrases: [event.dateText]
    })
  }
  const kindOrder = { person: 0, place: 1, organisation: 2, company: 3 }
  const entities = [...pack.entities].sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind])
  for (const entity of entities) {
    for (const id of entity.paragraphIds) {
      add(id, {
        kind: 'entity',
        entityKind: entity.kind,
        href: toHash('entity', [entity.id]),
        label: `${KIND_WORDS[entity.kind]}: ${entity.name}, its page`,
        phrases: [entity.name, ...(entity.aliases ?? [])]
      })
    }
  }
  return byBlock
}

/** Where the editorial notes go: after a block, under a section heading, or in the citations. */
export interface NotePlacement {
  byBlock: Map<string, EditorialNote[]>
  bySection: Map<string, EditorialNote[]>
  /** The note about the missing reference list, shown once at the head of the article. */
  references: EditorialNote | undefined
}

/**
 * Places each note once in each section it concerns, next to what it is about: a note attached
 * to blocks (directly, or through an event, trade figure or equipment on that block) goes after
 * the last of them in the section; one attached only to a section goes under its heading; one
 * attached only to entities goes after the blocks that name them.
 */
export function placeNotes(pack: Pack): NotePlacement {
  const blockOrder = new Map<string, { section: string; order: number }>()
  let order = 0
  for (const section of pack.sections) {
    for (const block of section.blocks)
      blockOrder.set(block.id, { section: section.id, order: order++ })
  }
  const sectionIds = new Set(pack.sections.map((s) => s.id))
  const paragraphOf = new Map<string, string>()
  for (const e of pack.events) paragraphOf.set(e.id, e.paragraphId)
  for (const f of pack.trade.figures) paragraphOf.set(f.id, f.paragraphId)
  for (const q of pack.trade.equipment) paragraphOf.set(q.id, q.paragraphId)
  const entityParagraphs = new Map(pack.entities.map((e) => [e.id, e.paragraphIds]))

  const byBlock = new Map<string, EditorialNote[]>()
  const bySection = new Map<string, EditorialNote[]>()
  const push = (map: Map<string, EditorialNote[]>, id: string, note: EditorialNote) => {
    const list = map.get(id) ?? []
    if (!list.includes(note)) list.push(note)
    map.set(id, list)
  }

  let references: EditorialNote | undefined
  for (const note of pack.notes) {
    if (note.id === REFERENCES_NOTE_ID) {
      references = note
      continue
    }
    const blocks = new Set<string>()
    for (const id of note.attachedTo) {
      if (blockOrder.has(id)) blocks.add(id)
      const paragraph = paragraphOf.get(id)
      if (paragraph !== undefined && blockOrder.has(paragraph)) blocks.add(paragraph)
    }
    if (blocks.size === 0) {
      for (const id of note.attachedTo) {
        for (const paragraph of entityParagraphs.get(id) ?? []) {
          if (blockOrder.has(paragraph)) blocks.add(paragraph)
        }
      }
    }
    // The last block the note concerns in each section carries it.
    const lastInSection = new Map<string, { id: string; order: number }>()
    for (const id of blocks) {
      const at = blockOrder.get(id)
      if (!at) continue
      const current = lastInSection.get(at.section)
      if (!current || current.order < at.order)
        lastInSection.set(at.section, { id, order: at.order })
    }
    for (const { id } of lastInSection.values()) push(byBlock, id, note)
    for (const id of note.attachedTo) {
      if (sectionIds.has(id) && !lastInSection.has(id)) push(bySection, id, note)
    }
  }
  return { byBlock, bySection, references }
}

/**
 * How many sections, from the top, hold at least `blocks` blocks: the reader draws those first
 * (enough to fill the first screen) and the rest once they are painted. At least one, at most all.
 */
export function firstScreenSections(
  sections: readonly { blocks: readonly unknown[] }[],
  blocks: number
): number {
  let count = 0
  let seen = 0
  while (count < sections.length && (count === 0 || seen < blocks))
    seen += sections[count++]!.blocks.length
  return count
}
