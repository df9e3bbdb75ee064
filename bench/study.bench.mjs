/**
 * Study: how long from pressing a grade to the next card drawn, and how long the due-count
 * query takes, with 1,000, 10,000 and 100,000 cards and ten times as many review-log rows in the
 * real IndexedDB of Chromium. The pack is served with that many hand-written cards (so the app's own
 * sync keeps them), and the rows are seeded through raw IndexedDB with the app's schema.
 */
import { readFileSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { seedStudyDatabase } from './study-seed.mjs'

const SIZES = [1_000, 10_000, 100_000]
const PRESSES = 60
/** A person reads the answer before grading; 300 ms is far quicker than anyone does. */
const READ_PAUSE_MS = 300

const packPath = new URL('../resources/packs/mexico-russia/pack.json', import.meta.url)

/** The real pack with enough hand-written cards added to reach `size` cards in all. */
function packWithCards(size) {
  const pack = JSON.parse(readFileSync(packPath, 'utf8'))
  const extra = []
  for (let i = 0; i < size; i++) {
    extra.push({
      id: `bench-${String(i).padStart(6, '0')}`,
      question: `Benchmark question ${i}?`,
      answer: `Answer ${i}`,
      paragraphId: 'p-trade-1',
      themes: ['trade-economy'],
      era: 'russian-federation'
    })
  }
  pack.cards.push(...extra)
  return JSON.stringify(pack)
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}
const ms = (n) => `${n.toFixed(1)} ms`

export default async function study({ baseURL, chromiumPath }) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync']
  })
  const rows = []
  try {
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
      const page = await context.newPage()
      const body = packWithCards(size)
      await page.route('**/packs/mexico-russia/pack.json', (route) =>
        route.fulfill({ contentType: 'application/json', body })
      )
      // Open a view that does not study, so the schema exists, then seed it.
      await page.goto(`${baseURL}#/about`)
      await page.getByRole('navigation', { name: 'Views' }).waitFor()
      const seedStart = Date.now()
      const seeded = await page.evaluate(seedStudyDatabase, { size, logsPerCard: 10 })
      const seedSeconds = (Date.now() - seedStart) / 1000

      // Open the study view: sync, counts once, first card.
      const startMs = await page.evaluate(async () => {
        const t0 = performance.now()
        location.hash = '#/study'
        await new Promise((resolve) => {
          const check = () =>
            document.querySelector('[data-testid="study-card"]')
              ? resolve(undefined)
              : requestAnimationFrame(check)
          check()
        })
        return performance.now() - t0
      })

      // The same indexed count the app makes for the due reviews, timed alone.
      const countMs = await page.evaluate(async () => {
        const db = await new Promise((resolve, reject) => {
          const open = indexedDB.open('mexico-russia-study')
          open.onsuccess = () => resolve(open.result)
          open.onerror = () => reject(open.error)
        })
        const times = []
        let due = 0
        for (let i = 0; i < 5; i++) {
          const t0 = performance.now()
          due = await new Promise((resolve) => {
            const index = db
              .transaction('cards')
              .objectStore('cards')
              .index('[retired+suspended+state+due]')
            const request = index.count(
              IDBKeyRange.bound([0, 0, 2, -Infinity], [0, 0, 2, Date.now()])
            )
            request.onsuccess = () => resolve(request.result)
          })
          times.push(performance.now() - t0)
        }
        db.close()
        times.sort((a, b) => a - b)
        return { median: times[2], due }
      })

      // Measure each grade: from the key event to the next card in the DOM, and to its frame.
      await page.evaluate(() => {
        const w = window
        w.__study = { pending: null, results: [] }
        window.addEventListener(
          'keydown',
          (e) => {
            if (e.key !== '3') return
            const el = document.querySelector('[data-testid="study-card"]')
            w.__study.pending = { t0: e.timeStamp, id: el?.getAttribute('data-card-id') }
          },
          true
        )
        new MutationObserver(() => {
          const p = w.__study.pending
          if (!p) return
          const el = document.querySelector('[data-testid="study-card"]')
          const id = el?.getAttribute('data-card-id')
          if (!id || id === p.id || document.querySelector('[data-testid="card-back"]')) return
          w.__study.pending = null
          const drawn = performance.now()
          requestAnimationFrame(() =>
            w.__study.results.push({ dom: drawn - p.t0, frame: performance.now() - p.t0 })
          )
        }).observe(document.querySelector('main'), {
          subtree: true,
          childList: true,
          attributes: true,
          attributeFilter: ['data-card-id']
        })
      })
      // Two passes: grades pressed back to back (the worst case: the next card's prefetch may
      // still be running), then with a pause to read the answer, as a person does.
      const pass = async (pauseMs) => {
        const from = await page.evaluate(() => window.__study.results.length)
        for (let i = 0; i < PRESSES; i++) {
          await page.keyboard.press('Space')
          await page.getByTestId('card-back').waitFor()
          if (pauseMs) await page.waitForTimeout(pauseMs)
          await page.keyboard.press('3')
          await page.waitForFunction((n) => window.__study.results.length >= n, from + i + 1)
        }
        return (await page.evaluate(() => window.__study.results)).slice(from)
      }
      const results = await pass(0)
      const read = (await pass(READ_PAUSE_MS)).map((r) => r.dom)
      const dom = results.map((r) => r.dom)
      const frame = results.map((r) => r.frame)
      rows.push({
        cards: size.toLocaleString('en-US'),
        'log rows': seeded.logs.toLocaleString('en-US'),
        'due reviews': countMs.due.toLocaleString('en-US'),
        'due-count query': ms(countMs.median),
        'session start': ms(startMs),
        'grade → next card p50': ms(quantile(dom, 0.5)),
        'grade → next card p95': ms(quantile(dom, 0.95)),
        'grade → frame p95': ms(quantile(frame, 0.95)),
        'after reading: p50 / p95': `${ms(quantile(read, 0.5))} / ${ms(quantile(read, 0.95))}`,
        presses: `${results.length} + ${read.length}`,
        'seed time': `${seedSeconds.toFixed(0)} s`
      })
      console.log(rows.at(-1))
      await context.close()
    }
  } finally {
    await browser.close()
  }
  return {
    title: 'Study: grade to next card, and the due-count query',
    columns: [
      'cards',
      'log rows',
      'due reviews',
      'due-count query',
      'session start',
      'grade → next card p50',
      'grade → next card p95',
      'grade → frame p95',
      'after reading: p50 / p95',
      'presses'
    ],
    rows,
    notes:
      'Half of the cards are review cards due today. "grade → next card" runs from the key event of "3" ' +
      '(Good) to the next card in the DOM: the answer transaction (card state + log row), the in-memory ' +
      'count update and the indexed `limit(1)` query of the next card. "grade → frame" adds the wait for ' +
      'the next animation frame. The due-count query is the indexed count of due reviews the app makes ' +
      'once per session (counts are then adjusted in memory). "session start" includes the sync of the ' +
      'pack with the stored cards. The first three timing columns come from grades pressed back to ' +
      'back, within milliseconds of the answer being shown: the worst case, since the query of the card ' +
      'after next (prefetched while a card is shown) may still be running and the answer transaction ' +
      `waits for it. "after reading" is a second pass of the same presses with a ${READ_PAUSE_MS} ms ` +
      'pause before each grade, as a person reads the answer (people take seconds).'
  }
}
