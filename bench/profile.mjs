/**
 * `node bench/profile.mjs [cards]`: a Chromium CPU profile (over CDP) of the session start and of
 * the progress view opening, on a seeded database, against the build in out/ (BENCH_OUT to
 * change). Prints the functions with the most self time in each, to say where the time goes.
 */
import { spawn } from 'node:child_process'
import { chromium } from '@playwright/test'
import { packWithCards } from './scale-pack.mjs'
import { seedStudyDatabase } from './study-seed.mjs'

const size = Number(process.argv[2] ?? 10_000)
const port = Number(process.env.BENCH_PORT ?? 4310)
const out = process.env.BENCH_OUT ?? 'out'
const server = spawn(process.execPath, [`${out}/main/serve.js`, '--port', String(port)], {
  stdio: ['ignore', 'pipe', 'ignore']
})
await new Promise((resolve) =>
  server.stdout.on('data', (c) => String(c).includes('served at') && resolve(undefined))
)
const base = `http://127.0.0.1:${port}/`
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu']
})
try {
  const page = await browser.newPage()
  page.setDefaultTimeout(600_000)
  const body = packWithCards(size)
  await page.route('**/packs/mexico-russia/pack.json', (r) =>
    r.fulfill({ contentType: 'application/json', body })
  )
  await page.goto(`${base}#/about`)
  await page.getByRole('navigation', { name: 'Views' }).waitFor()
  await page.evaluate(seedStudyDatabase, { size, logsPerCard: 10 })
  await page.goto(`${base}#/about`)
  await page.getByRole('navigation', { name: 'Views' }).waitFor()
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
  // Each view twice: the first opening after the start, then again after another view.
  for (const [hash, ready] of [
    ['#/study', '[data-testid="study-card"]'],
    ['#/about', 'h1'],
    ['#/study', '[data-testid="study-card"]'],
    ['#/progress', '[data-testid="summary"]'],
    ['#/about', 'h1'],
    ['#/progress', '[data-testid="summary"]']
  ]) {
    await cdp.send('Profiler.start')
    const t0 = Date.now()
    await page.evaluate((h) => (location.hash = h), hash)
    await page.locator(ready).first().waitFor()
    const wall = Date.now() - t0
    const { profile } = await cdp.send('Profiler.stop')
    const self = new Map()
    const dt = profile.timeDeltas
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    profile.samples.forEach((id, i) => {
      const n = byId.get(id)
      const f = n.callFrame
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000)
    })
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 16)
    console.log(`\n${hash} at ${size} cards: ${wall} ms wall`)
    for (const [k, v] of top) console.log(`  ${v.toFixed(1).padStart(8)} ms  ${k}`)
  }
} finally {
  await browser.close()
  server.kill()
}
