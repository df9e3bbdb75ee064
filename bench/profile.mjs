/**
 * `node bench/profile.mjs [cards] [views|grade]`: Chromium CPU profiles (over CDP) of the page and
 * of the progress worker, on a seeded database, against the build in out/ (BENCH_OUT to change;
 * build with PROFILE_BUILD=1 to keep names). `views` (the default) profiles each view switch of a
 * cycle after a fresh start, as the scale suite measures them; `grade` profiles grades pressed
 * back to back, as the study suite does. Prints the functions with the most self time, and the
 * most inclusive time, in each step, to say where the time goes.
 *
 * The seeded browser profile is kept in bench/tmp/profile-<cards> (seeding a million log rows
 * takes minutes); delete it to seed afresh. The first run on it (the card sync, summing the logs
 * once) happens when it is seeded, unprofiled.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { serveBuild } from './serve-build.mjs'
import { packWithCards } from './scale-pack.mjs'
import { seedStudyDatabase } from './study-seed.mjs'

const size = Number(process.argv[2] ?? 10_000)
const mode = process.argv[3] ?? 'views'
const port = Number(process.env.BENCH_PORT ?? 4310)
const out = process.env.BENCH_OUT ?? 'out'
const userDir = join('bench', 'tmp', `profile-${size}`)
const server = await serveBuild(`${out}/main/serve.js`, port)
const base = `http://127.0.0.1:${port}/`
const seeded = existsSync(userDir)
const context = await chromium.launchPersistentContext(userDir, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync'],
  viewport: { width: 1280, height: 860 }
})

/** Self and inclusive milliseconds per function of a CPU profile, the top `n` of each. */
function summarize(profile, n = 14) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map()
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id)
  const name = (node) => {
    const f = node.callFrame
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`
  }
  const self = new Map()
  const total = new Map()
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const node = byId.get(id)
    self.set(name(node), (self.get(name(node)) ?? 0) + ms)
    const seen = new Set()
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at))
      if (seen.has(key)) continue
      seen.add(key)
      total.set(key, (total.get(key) ?? 0) + ms)
    }
  })
  const top = (map) =>
    [...map]
      .filter(([k]) => !/^\((idle|root|program)\)/.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
  return { self: top(self), total: top(total) }
}

function print(label, profile) {
  const { self, total } = summarize(profile)
  console.log(`  ${label}: self`)
  for (const [k, v] of self) console.log(`    ${v.toFixed(1).padStart(8)} ms  ${k}`)
  console.log(`  ${label}: inclusive`)
  for (const [k, v] of total) console.log(`    ${v.toFixed(1).padStart(8)} ms  ${k}`)
}

try {
  const page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(900_000)
  const body = packWithCards(size)
  await page.route('**/packs/mexico-russia/pack.json', (r) =>
    r.fulfill({ contentType: 'application/json', body })
  )
  if (!seeded) {
    await page.goto(`${base}#/about`)
    await page.getByRole('navigation', { name: 'Views' }).waitFor()
    await page.evaluate(seedStudyDatabase, { size, logsPerCard: 10 })
    await page.goto(`${base}#/study`)
    await page.getByTestId('study-card').waitFor()
    await page.evaluate(() => (location.hash = '#/progress'))
    await page.getByTestId('summary').waitFor()
    console.log('seeded, first run done')
  }
  // A new start (a new document: a goto to the same URL with a hash would only change the hash).
  await page.goto('about:blank')
  await page.goto(`${base}#/about`)
  await page.getByRole('navigation', { name: 'Views' }).waitFor()

  // The page's profiler, and the progress worker's through the page's auto-attach (not flat).
  const cdp = await context.newCDPSession(page)
  const workers = new Map()
  let nextId = 1
  const replies = new Map()
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    if (targetInfo.type === 'worker') workers.set(sessionId, targetInfo.url)
  })
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const reply = JSON.parse(message)
    replies.get(reply.id)?.(reply.result)
  })
  const toWorker = (sessionId, method, params = {}) =>
    new Promise((resolve) => {
      const id = nextId++
      replies.set(id, resolve)
      void cdp.send('Target.sendMessageToTarget', {
        sessionId,
        message: JSON.stringify({ id, method, params })
      })
    })
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: false,
    flatten: false
  })
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })

  const step = async (label, act) => {
    const ids = [...workers.keys()]
    for (const id of ids) {
      await toWorker(id, 'Profiler.enable')
      await toWorker(id, 'Profiler.start')
    }
    await cdp.send('Profiler.start')
    const t0 = Date.now()
    await act()
    const wall = Date.now() - t0
    const { profile } = await cdp.send('Profiler.stop')
    console.log(`\n${label} at ${size} cards: ${wall} ms wall`)
    print('page', profile)
    for (const id of ids) {
      const result = await toWorker(id, 'Profiler.stop')
      if (result?.profile) print(`worker ${workers.get(id).split('/').pop()}`, result.profile)
    }
  }

  if (mode === 'grade') {
    await page.evaluate(() => (location.hash = '#/study'))
    await page.getByTestId('study-card').waitFor()
    await step('20 grades back to back', async () => {
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press('Space')
        await page.getByTestId('card-back').waitFor()
        await page.keyboard.press('3')
        await page.getByTestId('card-back').waitFor({ state: 'detached' })
      }
    })
  } else {
    for (const [hash, ready] of [
      ['#/reader', 'p[data-block]'],
      ['#/timeline', 'canvas'],
      ['#/trade', 'h1'],
      ['#/study', '[data-testid="study-card"]'],
      ['#/progress', '[data-testid="summary"]'],
      ['#/about', 'h1'],
      ['#/study', '[data-testid="study-card"]'],
      ['#/progress', '[data-testid="summary"]']
    ]) {
      // A build that keeps views drawn (hidden) has the ready element of a hidden view too: the
      // one waited for is in the view shown.
      const id = hash.slice(2)
      const shown = `main > [data-view="${id}"]:not(.view-hidden) ${ready}`
      await step(hash, async () => {
        await page.evaluate((h) => (location.hash = h), hash)
        await page
          .locator(shown)
          .or(page.locator(`main:not(:has(> [data-view])) ${ready}`))
          .first()
          .waitFor()
      })
    }
  }
} finally {
  await context.close()
  server.kill()
}
