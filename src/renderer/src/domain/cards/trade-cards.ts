/** Cards for the trade section: each figure (typed as a number) and each flow of exports. */
import type { Country, Theme } from '$shared/pack-schema'
import { cardIds } from '../card-ids'
import { type CardContext, type Draft, eraOfParagraph, eraOfYear } from './context'
import { listText } from './english'

const COUNTRY: Record<Country, string> = { MX: 'Mexico', RU: 'Russia', other: 'another country' }

/** "Russian citizens who visited Mexico for tourism in 2014?" → "about 77,000". */
export function figureCards(context: CardContext): Draft[] {
  const { pack, events } = context
  return pack.trade.figures.map((figure) => {
    const theme: Theme = figure.unit === 'visitors' ? 'tourism' : 'trade-economy'
    const candidates = events.filter(
      (e) => e.paragraphId === figure.paragraphId && e.date.year === figure.year
    )
    const event = candidates.find((e) => e.themes.includes(theme)) ?? candidates[0]
    return {
      id: cardIds.figure(figure.id),
      kind: 'figure',
      question: figure.question ?? `${figure.label}${figure.year ? ` in ${figure.year}` : ''}?`,
      answer: figure.display,
      answerKind: 'number',
      value: figure.value,
      accept: [],
      era: event?.era ?? eraOfYear(pack, figure.year ?? pack.eras.at(-1)!.start),
      themes: [theme],
      paragraphId: figure.paragraphId,
      eventId: event?.id,
      entityIds: [],
      factIds: [figure.id],
      citations: [...figure.citations]
    }
  })
}

/**
 * "What does the article name among the main exports from Mexico to Russia?" Where the source
 * says the exports "include" the products, they are examples: each one named counts.
 */
export function flowCards(context: CardContext): Draft[] {
  const { pack } = context
  return pack.trade.flows.map((flow) => {
    const include = /\binclude/i.test(flow.quote)
    const route = `from ${COUNTRY[flow.from]} to ${COUNTRY[flow.to]}`
    const name = (product: string) => product.replace(/-/g, ' ')
    return {
      id: cardIds.tradeFlow(flow.from, flow.to),
      kind: 'trade-flow',
      question: include
        ? `What does the article name among the main exports ${route}? (Each one you name counts.)`
        : `What are the main exports ${route}?`,
      answer: listText(flow.products.map(name)),
      answerKind: 'product',
      accept: [],
      parts: flow.products.map((p) => [name(p), p, ...(flow.aliases?.[p] ?? [])]),
      include,
      era: eraOfParagraph(pack, flow.paragraphId),
      themes: ['trade-economy'],
      paragraphId: flow.paragraphId,
      entityIds: [],
      citations: [...flow.citations]
    }
  })
}
