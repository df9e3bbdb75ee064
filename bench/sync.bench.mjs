/**
 * Sync through a folder at scale: a database of 100,000 cards receives 100,000 reviews from
 * another computer (one file of the folder, as Syncthing or Dropbox would bring it), then syncs
 * with nothing new, then with a few new reviews. The folder is the origin-private file system,
 * handed over in place of the system's folder dialog, and read by the app's own File System
 * Access code. Timed in the page: each sync's duration (`performance.measure('sync')`), and the
 * longest main-thread task while the import runs (the page must stay responsive). When the before
 * build has sync too, both builds are measured first at 20,000 in the same run, one after the
 * other (an import happens once per page, so the two cannot alternate within it).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cpus, loadavg } from 'node:os'
import { chromium } from '@playwright/test'
import { packWithCards } from './scale-pack.mjs'
import { seedStudyDatabase } from './study-seed.mjs'

/** BENCH_SYNC_SIZE overrides the size for a quick try; the recorded figures use 100,000. */
const SIZE = Number(process.env.BENCH_SYNC_SIZE ?? 100_000)
/** The size both builds are measured at, before and after (the old build does not finish 100,000). */
const COMPARE = Number(process.env.BENCH_SYNC_COMPARE ?? 20_000)
const OTHER = 'b1b1b1b1-2222-4333-8444-555566667777'
const NOOPS = 10

/** In the page: the other computer's file, one review of each card, written into the folder. */
async function writeOtherDevice({ size, device, extra }) {
  let dir = await navigator.storage.getDirectory()
  for (const part of ['Sync', 'devices', device]) {
    dir = await dir.getDirectoryHandle(part, { create: true })
  }
  const now = Date.now()
  const at = (i) => now - 3 * 86_400_000 + i * 1000
  const lines = []
  for (let n = extra.from; n < extra.from + size; n++) {
    const i = n % extra.cards
    lines.push(
      JSON.stringify({
        id: `c0c0c0c0-0000-4000-8000-${String(n).padStart(12, '0')}`,
        card: `hand:bench-${String(i).padStart(6, '0')}`,
        rating: 1 + (n % 4),
        at: at(n),
        mode: 'flip',
        device,
        retention: 0.9,
        ms: 3000
      })
    )
  }
  const text = lines.join('\n') + '\n'
  const file = await dir.getFileHandle(`reviews-${new Date(now).getUTCFullYear()}.jsonl`, {
    create: true
  })
  const size0 = (await file.getFile()).size
  const writable = await file.createWritable({ keepExistingData: true })
  await writable.write({ type: 'write', position: size0, data: text })
  await writable.close()
  return text.length
}

/** In the page: starts recording long tasks (50 ms or more on the main thread). */
function watchLongTasks() {
  window.__longTasks = []
  window.__longFrames = []
  window.__quietSince = performance.now()
  if (window.__watching) return
  window.__watching = true
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__longTasks.push(entry.duration)
      window.__quietSince = Math.max(window.__quietSince, entry.startTime + entry.duration)
    }
  }).observe({ type: 'longtask' })
  // What ran in the long frames, for the log (the Long Animation Frames API names the scripts).
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.duration < 100) continue
      const scripts = entry.scripts
        .filter((s) => s.duration >= 10)
        .map(
          (s) =>
            `${s.invoker} ${s.sourceFunctionName || ''} ${s.sourceURL.split('/').pop()}:${s.sourceCharPosition} ${Math.round(s.duration)} ms`
        )
      window.__longFrames.push(`${Math.round(entry.duration)} ms: ${scripts.join('; ')}`)
    }
  }).observe({ type: 'long-animation-frame' })
}

/** Waits until the page has had no long task for three seconds (at most two minutes). */
const settle = (page) =>
  page
    .waitForFunction(() => performance.now() - window.__quietSince > 3000, null, {
      timeout: 120_000,
      polling: 250
    })
    .catch(() => console.warn('  the page did not settle within two minutes'))

const syncCount = (page) => page.evaluate(() => performance.getEntriesByName('sync').length)
const lastSync = (page) => page.evaluate(() => performance.getEntriesByName('sync').at(-1).duration)

/** Presses "Sync now" and waits for that sync's measure. */
async function syncNow(page) {
  const before = await syncCount(page)
  await page.getByRole('button', { name: 'Sync now' }).click()
  await page.waitForFunction((n) => performance.getEntriesByName('sync').length > n, before, {
    timeout: 600_000
  })
  return lastSync(page)
}

const ms = (n) => `${n.toFixed(1)} ms`

/** Whether a build has the sync panel at all (an older before build may predate sync). */
function hasSync(outDir) {
  const assets = join(outDir, 'renderer', 'assets')
  return readdirSync(assets).some(
    (f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('sync-panel')
  )
}

/** One build at one size: the first sync (the import), ten syncs with nothing new, 100 new reviews. */
async function measure(browser, baseURL, size, build) {
  const rows = []
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  try {
    const page = await context.newPage()
    page.setDefaultTimeout(600_000)
    const body = packWithCards(size)
    await page.route('**/packs/mexico-russia/pack.json', (route) =>
      route.fulfill({ contentType: 'application/json', body })
    )
    await page.addInitScript(() => {
      Object.defineProperty(window, 'showDirectoryPicker', {
        configurable: true,
        value: async () =>
          (await navigator.storage.getDirectory()).getDirectoryHandle('Sync', { create: true })
      })
    })
    await page.goto(`${baseURL}#/about`)
    await page.getByRole('navigation', { name: 'Views' }).waitFor()
    const seeded = await page.evaluate(seedStudyDatabase, { size, logsPerCard: 0 })
    const bytes = await page.evaluate(writeOtherDevice, {
      size,
      device: OTHER,
      extra: { from: 0, cards: size }
    })
    console.log(`  ${build}: seeded ${seeded.cards} cards; the other device's file: ${bytes} bytes`)
    const count = size.toLocaleString('en-US')
    const load = () => `${loadavg()[0].toFixed(1)} on ${cpus().length} cores`

    // The first sync: choosing the folder imports everything.
    await page.goto(`${baseURL}#/progress`)
    await page.getByTestId('sync-panel').waitFor()
    await page.evaluate(watchLongTasks)
    const loadBefore = load()
    const before = await syncCount(page)
    const t0 = Date.now()
    await page.getByRole('button', { name: 'Choose a sync folder…' }).click()
    await page.waitForFunction((n) => performance.getEntriesByName('sync').length > n, before, {
      timeout: 1_800_000
    })
    const wall = Date.now() - t0
    const importMs = await lastSync(page)
    const panel = page.getByTestId('sync-panel')
    await panel.getByText(`${count} changes`).waitFor()
    // The views read again once the import is announced: their tasks count as the import's.
    await settle(page)
    const received = await page.getByTestId('sync-received').textContent()
    const tasks = await page.evaluate(() => window.__longTasks)
    const over100 = tasks.filter((t) => t >= 100).length
    console.log(
      `  ${build}: import ${importMs.toFixed(0)} ms (${wall} ms wall), received ${received}`
    )
    for (const frame of await page.evaluate(() => window.__longFrames))
      console.log(`    long frame ${frame}`)
    rows.push({
      build,
      sync: `first sync: ${count} reviews from another computer`,
      cards: count,
      'sync time': ms(importMs),
      'longest main-thread task': `${ms(Math.max(0, ...tasks))} (${tasks.length} tasks ≥ 50 ms, ${over100} ≥ 100 ms)`,
      result: `received ${received}; load average ${loadBefore} at start, ${load()} at end`
    })

    // Nothing new: the no-op the app runs on focus and every few minutes.
    await page.evaluate(watchLongTasks)
    const noops = []
    for (let i = 0; i < NOOPS; i++) noops.push(await syncNow(page))
    for (const frame of await page.evaluate(() => window.__longFrames))
      console.log(`    long frame (nothing new) ${frame}`)
    noops.sort((a, b) => a - b)
    const median = noops[Math.floor(NOOPS / 2)]
    rows.push({
      build,
      sync: 'nothing new',
      cards: count,
      'sync time': `${ms(median)} median, ${ms(noops.at(-1))} max (${NOOPS} syncs)`,
      'longest main-thread task': ms(await page.evaluate(() => Math.max(0, ...window.__longTasks))),
      result: `goal < 50 ms: ${median < 50 ? 'met' : 'not met'}; load average ${load()}`
    })

    // A study session elsewhere: 100 new reviews appended to the same file.
    await page.evaluate(writeOtherDevice, {
      size: 100,
      device: OTHER,
      extra: { from: size, cards: size }
    })
    await page.evaluate(watchLongTasks)
    const small = await syncNow(page)
    await panel.getByText('100 changes').waitFor()
    rows.push({
      build,
      sync: '100 new reviews from another computer',
      cards: count,
      'sync time': ms(small),
      'longest main-thread task': ms(await page.evaluate(() => Math.max(0, ...window.__longTasks))),
      result: `received ${await page.getByTestId('sync-received').textContent()}`
    })
  } finally {
    await context.close()
  }
  return rows
}

export default async function sync({ baseURL, before }) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync']
  })
  const rows = []
  const compared = before && hasSync(before.outDir)
  try {
    if (compared) {
      rows.push(
        ...(await measure(
          browser,
          before.baseURL,
          COMPARE,
          `before (${before.ref.split(/\s/)[0]})`
        ))
      )
      rows.push(...(await measure(browser, baseURL, COMPARE, 'this build')))
    }
    // BENCH_SYNC_COMPARE=100000 compares both builds at the full size, one after the other.
    if (!compared || COMPARE !== SIZE)
      rows.push(...(await measure(browser, baseURL, SIZE, 'this build')))
  } finally {
    await browser.close()
  }
  return {
    title: `Sync through a folder: ${SIZE.toLocaleString('en-US')} reviews from another computer`,
    columns: ['build', 'sync', 'cards', 'sync time', 'longest main-thread task', 'result'],
    rows,
    notes:
      `The database holds as many review cards as the other computer sends reviews (bench/study-seed.mjs, no logs); the other computer’s ` +
      `file holds one review of each card (about ${Math.round(SIZE / 5000)} MB of JSON lines at ${SIZE.toLocaleString('en-US')}). "sync time" is the whole sync ` +
      '(list the folder, send this device’s news, read and validate the new lines, add them and replay ' +
      'every card they touch), timed in the page; the first sync also keeps an automatic backup first. ' +
      'The sync runs in a Web Worker that opens the same database (the page only answers its folder operations); lines are parsed half a megabyte at a time and cards are applied in transactions of 2,000, whose changes Dexie announces to the page’s live queries once, after the last. ' +
      '"longest main-thread task" is the longest task the Long Tasks API saw in the page meanwhile (the progress view is open; its live views read again when the import is announced, and the import counts until the page has had no long task for three seconds; the syncs with nothing new start only then, as they do on focus or every five minutes). ' +
      (compared
        ? `Both builds first at ${COMPARE.toLocaleString('en-US')}, one after the other in the same run and browser (the before build syncs in the page). `
        : '') +
      'The machine is shared (load averages in the last column): times are noisy. Headless Chromium, the origin-private file system as the folder.'
  }
}
