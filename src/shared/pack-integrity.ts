/**
 * Cross-reference checks the schema cannot express: unique ids, references that resolve,
 * and citation lists that match the markers in the verbatim text. Pure: runs in main and renderer.
 */
import type { Block, Pack, Section } from './pack-schema'

/** The "[n]" citation numbers of a text, in order of first appearance, without repeats. */
export function citationMarkers(text: string): number[] {
  return [...new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])))]
}

/** Finds a block (paragraph, figure or empty block) by id, with the section that holds it. */
export function findBlock(pack: Pack, id: string): { section: Section; block: Block } | undefined {
  for (const section of pack.sections) {
    const block = section.blocks.find((b) => b.id === id)
    if (block) return { section, block }
  }
  return undefined
}

const sameList = (a: number[], b: number[]) =>
  a.length === b.length && a.every((n, i) => n === b[i])

/**
 * Lists every integrity problem of a parsed pack in plain words; an empty list means it is sound.
 * Era ids form their own namespace (an era may share its id with the section about it);
 * all other ids must be unique across the whole pack.
 */
export function checkPackIntegrity(pack: Pack): string[] {
  const problems: string[] = []
  const blocks = pack.sections.flatMap((s) => s.blocks)

  const ids = new Set<string>()
  const claim = (id: string, what: string) => {
    if (ids.has(id)) problems.push(`duplicate id "${id}" (${what})`)
    ids.add(id)
  }
  for (const s of pack.sections) claim(s.id, 'section')
  for (const b of blocks) claim(b.id, `${b.kind} block`)
  for (const e of pack.events) claim(e.id, 'event')
  for (const e of pack.entities) claim(e.id, 'entity')
  for (const n of pack.notes) claim(n.id, 'note')
  for (const c of pack.cards) claim(c.id, 'card')
  for (const q of pack.trade.equipment) claim(q.id, 'equipment')
  for (const f of pack.trade.figures) claim(f.id, 'trade figure')

  const eras = new Map<string, Pack['eras'][number]>()
  for (const era of pack.eras) {
    if (eras.has(era.id)) problems.push(`duplicate era id "${era.id}"`)
    eras.set(era.id, era)
    if (era.end !== undefined && era.end < era.start)
      problems.push(`era "${era.id}" ends before it starts`)
  }

  const blockIds = new Set(blocks.map((b) => b.id))
  const entities = new Map(pack.entities.map((e) => [e.id, e]))
  const eventIds = new Set(pack.events.map((e) => e.id))
  const needBlock = (id: string, where: string) => {
    if (!blockIds.has(id)) problems.push(`${where}: paragraphId "${id}" matches no block`)
  }
  const needEra = (id: string, where: string) => {
    if (!eras.has(id)) problems.push(`${where}: era "${id}" does not exist`)
  }

  for (const b of blocks) {
    if (b.kind === 'figure') continue
    const found = citationMarkers(b.text)
    if (!sameList(b.citations, found)) {
      problems.push(`block "${b.id}": citations [${b.citations}] but its text has [${found}]`)
    }
    if (b.kind === 'paragraph' && b.citationNeeded !== b.text.includes('[citation needed]')) {
      problems.push(`block "${b.id}": citationNeeded does not match its text`)
    }
  }

  for (const e of pack.events) {
    const where = `event "${e.id}"`
    needBlock(e.paragraphId, where)
    needEra(e.era, where)
    for (const id of e.entityIds) {
      if (!entities.has(id)) problems.push(`${where}: entity "${id}" does not exist`)
    }
    const era = eras.get(e.era)
    const last = e.date.precision === 'range' ? e.date.endYear : e.date.year
    if (last < e.date.year) problems.push(`${where}: endYear is before year`)
    if (era && (e.date.year < era.start || (era.end !== undefined && last > era.end))) {
      problems.push(`${where}: its date falls outside era "${era.id}"`)
    }
  }

  for (const e of pack.entities) {
    for (const id of e.paragraphIds) needBlock(id, `entity "${e.id}"`)
  }

  for (const n of pack.notes) {
    for (const id of n.attachedTo) {
      if (!ids.has(id) && !eras.has(id))
        problems.push(`note "${n.id}": attachedTo "${id}" points nowhere`)
    }
  }

  for (const g of pack.groups ?? []) {
    const where = `group "${g.question}"`
    needBlock(g.paragraphId, where)
    const kinds = new Set(g.entityIds.map((id) => entities.get(id)?.kind))
    if (kinds.has(undefined)) problems.push(`${where}: an entity does not exist`)
    else if (kinds.size > 1) problems.push(`${where}: its entities are of different kinds`)
  }

  for (const c of pack.cards) {
    const where = `card "${c.id}"`
    if (!c.answerKind) problems.push(`${where}: says no answerKind`)
    if (!c.wrong) problems.push(`${where}: has no wrong options for multiple choice`)
    else if (c.wrong.some((w) => w.toLowerCase() === c.answer.toLowerCase()))
      problems.push(`${where}: a wrong option is its answer`)
    needBlock(c.paragraphId, where)
    needEra(c.era, where)
    if (c.eventId !== undefined && !eventIds.has(c.eventId)) {
      problems.push(`${where}: event "${c.eventId}" does not exist`)
    }
  }

  const { trade } = pack
  for (const f of trade.figures) needBlock(f.paragraphId, `trade figure "${f.id}"`)
  for (const f of trade.flows) needBlock(f.paragraphId, `trade flow ${f.from}→${f.to}`)
  for (const q of trade.equipment) needBlock(q.paragraphId, `equipment "${q.id}"`)
  needBlock(trade.flights.paragraphId, 'flights')
  for (const c of trade.companies) {
    const where = `company "${c.name}"`
    needBlock(c.paragraphId, where)
    const entity = entities.get(c.entityId)
    if (!entity) problems.push(`${where}: entity "${c.entityId}" does not exist`)
    else if (entity.kind !== 'company')
      problems.push(`${where}: entity "${c.entityId}" is not a company`)
  }

  return problems
}
