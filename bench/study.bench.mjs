/**
 * Study: how long from pressing a grade to the next card drawn, and how long the due-count
 * query takes, with 1,000, 10,000 and 100,000 cards and ten times as many review-log rows in the
 * real IndexedDB of Chromium. The pack is served with that many hand-written cards (so the app's own
 * sync keeps them), and the rows are seeded through raw IndexedDB with the app's schema.
 */
import { Worker } from 'node:worker_threads'
import { chromium } from '@playwright/test'
import { packWithCards } from './scale-pack.mjs'
import { seedStudyDatabase } from './study-seed.mjs'

/** STUDY_BENCH_SIZES=100000 runs one size only (a quick look). */
const SIZES = (process.env.STUDY_BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number)
const PRESSES = 60
/** A person reads the answer before grading; 300 ms is far quicker than anyone does. */
const READ_PAUSE_MS = 300

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
}
const ms = (n) => `${n.toFixed(1)} ms`

/**
 * The bench's own background load while grades are pressed: a thread that keeps one core busy
 * half of the time (5 ms of work, 5 ms of rest), as other programs on a student's laptop would.
 */
function backgroundLoad() {
  const worker = new Worker(
    `const { parentPort } = require('node:worker_threads')
     let on = true
     parentPort.on('message', () => { on = false })
     const spin = () => {
       const until = Date.now() + 5
       while (Date.now() < until) {}
       if (on) setTimeout(spin, 5)
       else process.exit(0)
     }
     spin()`,
    { eval: true }
  )
  return () => {
    worker.postMessage('stop')
    return worker.terminate()
  }
}

/**
 * A fresh profile at `size` cards: the app opened on a view that does not study (so the schema
 * exists), the database seeded behind its back, then the study view opened, timed from the hash
 * change to the first card (the pack sync, the counts, the first card).
 */
async function openSeeded(browser, baseURL, size) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  const page = await context.newPage()
  const body = packWithCards(size)
  await page.route('**/packs/mexico-russia/pack.json', (route) =>
    route.fulfill({ contentType: 'application/json', body })
  )
  await page.goto(`${baseURL}#/about`)
  await page.getByRole('navigation', { name: 'Views' }).waitFor()
  const seedStart = Date.now()
  const seeded = await page.evaluate(seedStudyDatabase, { size, logsPerCard: 10 })
  const seedSeconds = (Date.now() - seedStart) / 1000
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
  return { context, page, seeded, seedSeconds, startMs }
}

/**
 * Runs in the page: times each grade, from the key event of "3" to the next card in the DOM and to
 * its frame, with marks for a trace (see tracedPresses).
 */
function watchGrades() {
  const w = window
  const main = document.querySelector('main')
  // The bench waits through these promises, not Playwright's polling, which runs a callback on
  // the page's main thread every frame: a trace showed the grade key waiting behind it.
  // A wait that never ends fails the run after 30 s, as Playwright's own waits do.
  const within = (what, start) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} after 30 s`)), 30_000)
      start(() => {
        clearTimeout(timer)
        resolve(undefined)
      })
    })
  const until = (what, done) =>
    within(what, (resolve) => {
      if (done()) return resolve()
      const observer = new MutationObserver(() => {
        if (!done()) return
        observer.disconnect()
        resolve()
      })
      observer.observe(main, { subtree: true, childList: true })
    })
  w.__study = {
    pending: null,
    results: [],
    waiting: null,
    back: () => until('answer side', () => document.querySelector('[data-testid="card-back"]')),
    resultsAt: (n) =>
      within(`next card after grade ${n}`, (resolve) =>
        w.__study.results.length >= n ? resolve() : (w.__study.waiting = { n, resolve })
      )
  }
  window.addEventListener(
    'keydown',
    (e) => {
      if (e.key !== '3') return
      const el = document.querySelector('[data-testid="study-card"]')
      // The mark finds the key press's task in a trace (see tracedPresses).
      performance.mark('bench-grade')
      w.__study.pending = {
        t0: e.timeStamp,
        waited: performance.now() - e.timeStamp,
        id: el?.getAttribute('data-card-id')
      }
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
    performance.mark('bench-drawn')
    requestAnimationFrame(() => {
      w.__study.results.push({
        dom: drawn - p.t0,
        frame: performance.now() - p.t0,
        waited: p.waited
      })
      const waiting = w.__study.waiting
      if (waiting && w.__study.results.length >= waiting.n) {
        w.__study.waiting = null
        waiting.resolve()
      }
    })
  }).observe(main, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-card-id']
  })
}

/** Presses of the traced pass (a trace slows the page a little: its times are not the ones above). */
const TRACED_PRESSES = 30

/**
 * Runs `presses` under a Chrome trace of the page and returns, for each grade key press (marked
 * 'bench-grade' by the bench's listener), the main thread's tasks from the one that ran the key
 * press to the one that drew the next card ('bench-drawn'): their wall time, the CPU (thread) time
 * spent in them, and the time of any garbage collection inside them.
 */
async function tracedPresses(context, page, presses) {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Tracing.start', {
    categories: 'toplevel,devtools.timeline,blink.user_timing,disabled-by-default-v8.gc',
    transferMode: 'ReturnAsStream'
  })
  await presses()
  const chunks = []
  await new Promise((resolve, reject) => {
    cdp.once('Tracing.tracingComplete', ({ stream }) => {
      ;(async () => {
        for (;;) {
          const read = await cdp.send('IO.read', { handle: stream })
          chunks.push(read.data)
          if (read.eof) break
        }
        await cdp.send('IO.close', { handle: stream })
      })().then(resolve, reject)
    })
    cdp.send('Tracing.end').catch(reject)
  })
  await cdp.detach()
  const events = JSON.parse(chunks.join('')).traceEvents
  const marks = events.filter((e) => e.name === 'bench-grade' && e.cat.includes('user_timing'))
  const drawn = events.filter((e) => e.name === 'bench-drawn' && e.cat.includes('user_timing'))
  const { pid, tid } = marks[0] ?? {}
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X')
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask')
  const gcs = main.filter((e) => e.name === 'MinorGC' || e.name === 'MajorGC')
  const inside = (task, ts) => ts >= task.ts && ts <= task.ts + task.dur
  const cpu = []
  const wall = []
  const gc = []
  for (const mark of marks) {
    const first = tasks.find((t) => inside(t, mark.ts))
    const shown = drawn.find((d) => d.ts >= mark.ts)
    const last = shown && tasks.find((t) => inside(t, shown.ts))
    if (!first || !last) continue
    // From the key press's task to the one that drew the next card (the same task when the card
    // drawn ahead is shown at once; the before build drew it after its queries, tasks later).
    const span = tasks.filter((t) => t.ts >= first.ts && t.ts <= last.ts)
    cpu.push(span.reduce((sum, t) => sum + t.tdur, 0) / 1000)
    wall.push((last.ts + last.dur - first.ts) / 1000)
    const collected = gcs
      .filter((g) => span.some((t) => inside(t, g.ts)))
      .reduce((sum, g) => sum + g.dur, 0)
    if (collected) gc.push(collected / 1000)
  }
  if (cpu.length < marks.length || !cpu.length)
    throw new Error(
      `the trace shows ${cpu.length} of ${marks.length} grade presses with their draw`
    )
  return { cpu, wall, gc }
}

/**
 * A first start is one figure per profile, and one start is at the mercy of the machine: up to
 * 10,000 cards, each build is started this many times on fresh profiles, builds alternating, and
 * the median is reported (at 100,000 cards a seed takes minutes: one start each).
 */
const START_ROUNDS = 3

export default async function study({ baseURL, chromiumPath, before }) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync']
  })
  const rows = []
  const builds = [{ label: 'this build', baseURL }]
  if (before)
    builds.push({ label: `before (${before.ref.split(/\s/)[0]})`, baseURL: before.baseURL })
  try {
    for (const size of SIZES) {
      const sizeBuilds = size === SIZES[0] ? builds.slice(0, 1) : builds
      const starts = new Map(sizeBuilds.map((build) => [build.label, []]))
      const rounds = size <= 10_000 && sizeBuilds.length > 1 ? START_ROUNDS : 1
      for (let round = 1; round < rounds; round++)
        for (const build of sizeBuilds) {
          const { context, startMs } = await openSeeded(browser, build.baseURL, size)
          starts.get(build.label).push(startMs)
          await context.close()
        }
      for (const build of sizeBuilds) {
        const { context, page, seeded, seedSeconds, startMs } = await openSeeded(
          browser,
          build.baseURL,
          size
        )
        starts.get(build.label).push(startMs)

        // This build's first read of the progress figures (at its start, before the seed) sums the
        // log rows in a worker, and the seed's writes, made behind its back, keep it going: the timed
        // passes start once it is done (the "while the logs are summed" pass times that case).
        let summedMs
        if (build.label === 'this build') {
          const t0 = Date.now()
          await page
            .locator('html[data-progress="warm"]')
            .waitFor({ state: 'attached', timeout: 30 * 60_000 })
          summedMs = Date.now() - t0
        }

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
        await page.evaluate(watchGrades)
        // Two passes: grades pressed back to back (the worst case: the next card's prefetch may
        // still be running), then with a pause to read the answer, as a person does.
        const pass = async (pauseMs, presses = PRESSES) => {
          const from = await page.evaluate(() => window.__study.results.length)
          for (let i = 0; i < presses; i++) {
            await page.keyboard.press('Space')
            await page.evaluate(() => window.__study.back())
            if (pauseMs) await page.waitForTimeout(pauseMs)
            await page.keyboard.press('3')
            await page.evaluate((n) => window.__study.resultsAt(n), from + i + 1)
          }
          return (await page.evaluate(() => window.__study.results)).slice(from)
        }
        const stopLoad = backgroundLoad()
        const results = await pass(0)
        const read = (await pass(READ_PAUSE_MS)).map((r) => r.dom)
        const traced = await tracedPresses(context, page, () => pass(0, TRACED_PRESSES))
        // A start on a history whose totals were not made yet (the seed wrote the logs behind the
        // app's back, as a restore or the first start of a new version leaves them): the progress
        // worker sums every log row while the student studies at once.
        await page.reload()
        await page.getByTestId('study-card').waitFor({ timeout: 120_000 })
        await page.evaluate(watchGrades)
        const summing = (await pass(0)).map((r) => r.dom)
        await stopLoad()
        const dom = results.map((r) => r.dom)
        const waited = results.map((r) => r.waited)
        const frame = results.map((r) => r.frame)
        rows.push({
          build: build.label,
          cards: size.toLocaleString('en-US'),
          'log rows': seeded.logs.toLocaleString('en-US'),
          'due reviews': countMs.due.toLocaleString('en-US'),
          'due-count query': ms(countMs.median),
          'session start': ms(quantile(starts.get(build.label), 0.5)),
          'session start runs': starts
            .get(build.label)
            .map((t) => t.toFixed(0))
            .join(' / '),
          'grade → next card p50': ms(quantile(dom, 0.5)),
          'grade → next card p95': ms(quantile(dom, 0.95)),
          'grade → frame p95': ms(quantile(frame, 0.95)),
          'after reading: p50 / p95': `${ms(quantile(read, 0.5))} / ${ms(quantile(read, 0.95))}`,
          'while the logs are summed: p50 / p95 / max': [0.5, 0.95, 1]
            .map((q) => ms(quantile(summing, q)))
            .join(' / '),
          'key waits p50 / p95': `${ms(quantile(waited, 0.5))} / ${ms(quantile(waited, 0.95))}`,
          'press task CPU p50 / p95 (wall p95)':
            `${ms(quantile(traced.cpu, 0.5))} / ${ms(quantile(traced.cpu, 0.95))} ` +
            `(${ms(quantile(traced.wall, 0.95))})`,
          'GC in press tasks': traced.gc.length
            ? `${traced.gc.length} of ${traced.cpu.length} (${traced.gc.map((g) => g.toFixed(1)).join(', ')} ms)`
            : `0 of ${traced.cpu.length}`,
          presses: `${results.length} + ${read.length} + ${traced.cpu.length} + ${summing.length}`,
          'seed time': `${seedSeconds.toFixed(0)} s`,
          'first sum of the logs, waited':
            summedMs === undefined ? '–' : `${(summedMs / 1000).toFixed(1)} s`
        })
        console.log(rows.at(-1))
        await context.close()
      }
    }
  } finally {
    await browser.close()
  }
  return {
    title: 'Study: grade to next card, and the due-count query',
    columns: [
      'build',
      'cards',
      'log rows',
      'due reviews',
      'due-count query',
      'session start',
      'session start runs',
      'grade → next card p50',
      'grade → next card p95',
      'grade → frame p95',
      'after reading: p50 / p95',
      'while the logs are summed: p50 / p95 / max',
      'key waits p50 / p95',
      'press task CPU p50 / p95 (wall p95)',
      'GC in press tasks',
      'presses',
      'first sum of the logs, waited'
    ],
    rows,
    notes:
      'Half of the cards are review cards due today. "grade → next card" runs from the key event of "3" ' +
      '(Good) to the next card in the DOM; "grade → frame" adds the wait for the next animation frame. ' +
      'This build counts the answer at once, queues its transaction (card state, log row, buried siblings, ' +
      'saved session) behind the earlier ones and shows the next card from a list of up to forty read ahead, ' +
      'so no commit is waited for; the before build waited for the answer transaction, the sibling ' +
      "burying and a `limit(1)` query of the next card. Grades are pressed under the bench's own " +
      'background load: a thread keeping one of the two cores busy half of the time. The due-count query is the indexed count of due reviews the app makes ' +
      'once per session (counts are then adjusted in memory), timed alone as one count; in Chromium 150 an index count walks ' +
      'every entry it counts and the database answers nothing else meanwhile, so since 2026-12-03 this build reads it once the student ' +
      'pauses on a card (a second with no new card shown, five seconds after the start at most), and the toolbar shows dashes until then. "session start" runs from opening the ' +
      "study view on a database seeded behind the app's back to the first card, and so includes the sync " +
      'of the pack with the stored cards; it is the median of the runs listed (each on a fresh profile, ' +
      `builds alternating: ${START_ROUNDS} each when the before build is measured up to 10,000 cards, ` +
      'one at 100,000, where a seed takes minutes). The timed passes begin once this build has finished its first ' +
      'read of the progress figures, begun at its start and kept going by the seed: it sums the log rows in a worker ' +
      '("first sum of the logs, waited": how long after the first card that came; until the evening of 2026-12-03 ' +
      'the first pass began at once and ran beside the end of that sum, which the "while the logs are summed" pass ' +
      'below times on its own). ' +
      'The first three timing columns come from grades pressed back to ' +
      "back, within milliseconds of the answer being shown: the worst case (the before build's answer " +
      'transaction could wait behind the query of the card after next). ' +
      `"after reading" is a second pass of the same presses with a ${READ_PAUSE_MS} ms ` +
      'pause before each grade, as a person reads the answer (people take seconds). ' +
      'The bench waits for the answer side and for each result through promises in the page (since ' +
      "2026-12-03; before, Playwright's polling ran a callback on the page's main thread every frame, " +
      'and a trace showed the grade key waiting behind it). ' +
      'Where the time of a press goes: "key waits" is how long the key event waited for the page\'s ' +
      'main thread before its handler ran (first pass); then a third pass of ' +
      `${TRACED_PRESSES} presses back to back, under the same load, with a Chrome trace of the main ` +
      'thread: from the task that ran each key press to the one that drew the next card (in this build the same ' +
      'task: the handler, the answer counted, the next card drawn and the observer that times it), the ' +
      'CPU time the thread spent in them against their wall time. ' +
      'Where the wall time is far above the CPU time, the thread was ready to run and had no core (two ' +
      "cores, one half taken by the load, shared with the browser's compositor, raster and input " +
      'threads); "GC in press tasks" counts the tasks in which a garbage collection ran, with its time. ' +
      '"while the logs are summed": after those passes the page is loaded again on the study view ' +
      "and the same presses are made at once, back to back: the logs were seeded behind the app's " +
      'back, so this start sums every log row for the progress figures (in a worker; at 100,000 cards ' +
      'it takes seconds), as the first start after a restore or an upgrade does. Until 2026-12-03 ' +
      "this build read that sum in one transaction, which held every answer's write, and the next " +
      'card behind it, until the sum was done.'
  }
}
