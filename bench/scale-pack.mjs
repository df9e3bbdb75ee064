/** The real pack with `size` hand-written cards added, as the scale suites serve it. */
import { readFileSync } from 'node:fs'

const packPath = new URL('../resources/packs/mexico-russia/pack.json', import.meta.url)

/** The pack's JSON text with enough hand-written cards for the study seed's card ids. */
export function packWithCards(size) {
  const pack = JSON.parse(readFileSync(packPath, 'utf8'))
  for (let i = 0; i < size; i++) {
    pack.cards.push({
      id: `bench-${String(i).padStart(6, '0')}`,
      question: `Benchmark question ${i}?`,
      answer: `Answer ${i}`,
      paragraphId: 'p-trade-1',
      themes: ['trade-economy'],
      era: 'russian-federation',
      // The integrity check asks every hand card for its kind of answer and its wrong options.
      answerKind: 'description',
      wrong: [`Answer ${i + 1}`, `Answer ${i + 2}`, `Answer ${i + 3}`]
    })
  }
  return JSON.stringify(pack)
}
