/**
 * 100,000 cards and 1,000,000 review-log rows: every view switch, the progress view until its
 * figures are drawn, the study view until its first card, and the mastery index read, for this
 * build and the before build in the same run. The database is seeded through raw IndexedDB with
 * the app's schema (bench/study-seed.mjs); the pack is served with as many hand-written cards.
 */
import { chromium } from '@playwright/test'
import { packWithCards } from './scale-pack.mjs'
import { seedStudyDatabase } from './study-seed.mjs'

/** BENCH_SCALE_CARDS overrides the size for a quick try; the recorded figures use 100,000. */
const SIZE = Number(process.env.BENCH_SCALE_CARDS ?? 100_000)
const LOGS_PER_CARD = 10
const CYCLES = Number(process.env.BENCH_SCALE_CYCLES ?? 4)
/**
 * The before build takes seconds per progress view at this size: fewer cycles keep the run
 * bounded; 0 leaves it out (a quick try of this build alone).
 */
const BEFORE_CYCLES = Number(process.env.BENCH_SCALE_BEFORE_CYCLES ?? 2)
/** The views in navigation order, and what says each is ready beyond being mounted. */
const VIEWS = [
  { hash: '#/reader' },
  { hash: '#/timeline' },
  { hash: '#/trade' },
  { hash: '#/study', ready: '[data-testid="study-card"]' },
  { hash: '#/progress', ready: '[data-testid="summary"]' },
  { hash: '#/about' }
]

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}
const ms = (n) => `${n.toFixed(1)} ms`

/**
 * In the page: sets the hash, then times the first frame after the new view is the one shown
 * (`switched`) and, when the view names one, the first frame after its ready element (`ready`).
 * A build that keeps visited views drawn (hidden) marks each with `data-view`: the new view is
 * shown once its element is there and not hidden. A build without that (the before build) draws
 * one view at a time: the new view is shown once `main`'s first child is a new element.
 */
async function switchView({ hash, ready }) {
  const main = document.querySelector('main')
  const old = main.firstElementChild
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0]
  const kept = main.querySelector(':scope > [data-view]') !== null
  const shown = kept
    ? () => main.querySelector(`:scope > [data-view="${id}"]:not(.view-hidden)`) !== null
    : () => main.firstElementChild && main.firstElementChild !== old
  const frame = () =>
    new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())))
  const when = (test) =>
    new Promise((resolve) => {
      if (test()) return resolve(undefined)
      const observer = new MutationObserver(() => {
        if (!test()) return
        observer.disconnect()
        resolve(undefined)
      })
      observer.observe(document.body, { subtree: true, childList: true, attributes: true })
    })
  const t0 = performance.now()
  location.hash = hash
  await when(shown)
  const switched = (await frame()) - t0
  if (!ready) return { switched }
  await when(() => document.querySelector(`${kept ? `[data-view="${id}"] ` : ''}${ready}`))
  return { switched, ready: (await frame()) - t0 }
}

/** In the page: the mastery read as the app makes it, keys of the `masteredUntil` index. */
async function masteryRead() {
  const db = await new Promise((resolve, reject) => {
    const open = indexedDB.open('mexico-russia-study')
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })
  const times = []
  let mastered = 0
  // A build from before the index (wave 1) scanned every card instead: nothing to time here.
  if (!db.transaction('cards').objectStore('cards').indexNames.contains('masteredUntil')) {
    db.close()
    return undefined
  }
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now()
    mastered = await new Promise((resolve) => {
      const request = db
        .transaction('cards')
        .objectStore('cards')
        .index('masteredUntil')
        .getAllKeys(IDBKeyRange.lowerBound(Date.now(), true))
      request.onsuccess = () => resolve(request.result.length)
    })
    times.push(performance.now() - t0)
  }
  db.close()
  times.sort((a, b) => a - b)
  return { median: times[2], mastered }
}

/**
 * Starts the app again on the same profile, as a student opens it on another day: a new document
 * (a `goto` to the same URL with a hash would only change the hash of the page already open).
 */
async function restart(page, url) {
  await page.goto('about:blank')
  await page.goto(url)
  await page.getByRole('navigation', { name: 'Views' }).waitFor()
}

/** How long a student looks at the first screen before choosing another view. */
const LOOK_MS = 2000

async function measure(browser, name, baseURL, body, cycles) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  try {
    const page = await context.newPage()
    // At this size, on a busy machine, the before build takes minutes for some steps.
    page.setDefaultTimeout(900_000)
    await page.route('**/packs/mexico-russia/pack.json', (route) =>
      route.fulfill({ contentType: 'application/json', body })
    )
    await page.goto(`${baseURL}#/about`)
    await page.getByRole('navigation', { name: 'Views' }).waitFor()
    const seeded = await page.evaluate(seedStudyDatabase, {
      size: SIZE,
      logsPerCard: LOGS_PER_CARD
    })
    // The first run on the seeded database: the work an app does once on data it did not write
    // itself (the card sync, summing the logs into the totals it keeps), timed on its own.
    await restart(page, `${baseURL}#/about`)
    const firstStudy = await page.evaluate(switchView, VIEWS[3])
    const firstProgress = await page.evaluate(switchView, VIEWS[4])
    console.log(`  ${name}: first run ${JSON.stringify({ firstStudy, firstProgress })}`)
    // Another start, and the first three views visited at once, as soon as the navigation shows.
    await restart(page, `${baseURL}#/about`)
    const atOnce = []
    for (const view of VIEWS.slice(0, 3))
      atOnce.push((await page.evaluate(switchView, view)).switched)
    console.log(`  ${name}: first visits at once ${JSON.stringify(atOnce)}`)
    // Another start; the student looks at the first screen, then goes through the views.
    await restart(page, `${baseURL}#/about`)
    await page.waitForTimeout(LOOK_MS)
    const switches = []
    const progress = []
    const session = []
    for (let cycle = 0; cycle < cycles; cycle++) {
      for (const view of VIEWS) {
        const t = await page.evaluate(switchView, view)
        console.log(`  ${name}: cycle ${cycle + 1} ${view.hash} ${JSON.stringify(t)}`)
        switches.push(t.switched)
        if (view.hash === '#/progress') progress.push(t.ready)
        if (view.hash === '#/study') session.push(t.ready)
      }
    }
    const mastery = await page.evaluate(masteryRead)
    return {
      build: name,
      cards: seeded.cards.toLocaleString('en-US'),
      'log rows': seeded.logs.toLocaleString('en-US'),
      'view switch p50 / p95 / max': `${ms(quantile(switches, 0.5))} / ${ms(quantile(switches, 0.95))} / ${ms(Math.max(...switches))}`,
      'progress ready p50 / max': `${ms(quantile(progress, 0.5))} / ${ms(Math.max(...progress))}`,
      'session start p50 / max': `${ms(quantile(session, 0.5))} / ${ms(Math.max(...session))}`,
      'mastery index read': mastery
        ? `${ms(mastery.median)} (${mastery.mastered.toLocaleString('en-US')} mastered)`
        : 'no index (a scan of every card)',
      'first run: session start / progress ready': `${ms(firstStudy.ready)} / ${ms(firstProgress.ready)}`,
      'first visits at once: read / timeline / trade': atOnce.map(ms).join(' / '),
      switches: switches.length
    }
  } finally {
    await context.close()
  }
}

export default async function scale({ baseURL, before, chromiumPath }) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync']
  })
  const body = packWithCards(SIZE)
  const rows = []
  try {
    if (before && BEFORE_CYCLES > 0) {
      const label = `before (${before.ref.split(' ')[0]})`
      rows.push(await measure(browser, label, before.baseURL, body, BEFORE_CYCLES))
    }
    // BENCH_BEFORE_ONLY: the build served as "this build" is the before code itself.
    if (!process.env.BENCH_BEFORE_ONLY) {
      rows.push(await measure(browser, 'this build', baseURL, body, CYCLES))
    }
  } finally {
    await browser.close()
  }
  for (const row of rows) console.log(row)
  return {
    title: 'At scale: view switches, progress and session start with 100,000 cards',
    columns: [
      'build',
      'cards',
      'log rows',
      'view switch p50 / p95 / max',
      'progress ready p50 / max',
      'session start p50 / max',
      'mastery index read',
      'first run: session start / progress ready',
      'first visits at once: read / timeline / trade',
      'switches'
    ],
    rows,
    notes:
      'After seeding, each build is started again on the database (a new document: `about:blank`, ' +
      'then the app) and runs once on it (the "first run" column: opening Study, ' +
      'then Progress, where an app does once what it does on data it did not write itself, such as ' +
      'syncing the cards with the pack and summing the logs into the totals it keeps); then, after ' +
      'another start, the first visits of Read, Timeline and Trade made as soon as the navigation ' +
      'shows ("at once"); then, after a third start and ' +
      `${LOOK_MS / 1000} s for a student to look at the first screen, ` +
      `${CYCLES} cycles (${BEFORE_CYCLES} for the before build) through the six views (Read, Timeline, Trade, Study, Progress, About), ` +
      'the first cycle being the first visits. (Until 2026-12-01 the "starts" were a `goto` to the ' +
      'same URL, which only changed the hash of the page already open: the first visits were timed ' +
      'in a page that had run for minutes.) "view switch" runs from setting the hash to the first ' +
      'animation frame after the new view is the one shown (a build that keeps visited views drawn and ' +
      'hidden marks each with `data-view`: its element is there and not hidden; the before build, ' +
      "which draws one view at a time: `main`'s first child is a new element); " +
      '"progress ready" to the first frame with its ' +
      'summary tiles drawn, "session start" to the first frame with a card; the next switch waits for ' +
      'both. "mastery index read" is the read the app makes for mastery shading, the keys of the ' +
      '`masteredUntil` index above now, timed alone (median of 5). Half of the cards are review cards ' +
      'due today; each card has ten log rows, about one a minute back from now.'
  }
}
