/**
 * `node bench/profile-startup.mjs [loads]`: where a cold start's time goes, against the build in
 * out/ (BENCH_OUT to change): for each load in a fresh context, every file fetched (start and end,
 * from navigation) and the time of the first paragraph, then the functions with the most self
 * time over the loads (a Chromium CPU profile over CDP). Build with PROFILE_BUILD=1 for names.
 */
import { chromium } from '@playwright/test'
import { serveBuild } from './serve-build.mjs'

const loads = Number(process.argv[2] ?? 3)
const port = Number(process.env.BENCH_PORT ?? 4310)
const out = process.env.BENCH_OUT ?? 'out'
const server = await serveBuild(`${out}/main/serve.js`, port)
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu']
})
const self = new Map()
try {
  for (let i = 0; i < loads; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const page = await context.newPage()
    await page.addInitScript(() => {
      window.__firstParagraph = new Promise((resolve) => {
        const check = () => {
          const p = document.querySelector('p[data-block]')
          if (p && p.textContent.trim()) requestAnimationFrame(() => resolve(performance.now()))
          else requestAnimationFrame(check)
        }
        requestAnimationFrame(check)
      })
    })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await cdp.send('Profiler.start')
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'commit' })
    const ms = await page.evaluate(() => window.__firstParagraph)
    const { profile } = await cdp.send('Profiler.stop')
    const timeline = await page.evaluate(() => [
      ...performance
        .getEntriesByType('resource')
        .map((e) => [e.startTime, e.responseEnd, new URL(e.name).pathname.split('/').pop()]),
      ...performance
        .getEntriesByType('mark')
        .map((e) => [e.startTime, e.startTime, `mark ${e.name}`]),
      ...performance
        .getEntriesByType('paint')
        .map((e) => [e.startTime, e.startTime, `paint ${e.name}`])
    ])
    console.log(`\nload ${i + 1}: first paragraph at ${ms.toFixed(0)} ms`)
    for (const [start, end, name] of timeline.sort((a, b) => a[0] - b[0])) {
      console.log(`  ${start.toFixed(0).padStart(6)} → ${end.toFixed(0).padStart(6)}  ${name}`)
    }
    const byId = new Map(profile.nodes.map((n) => [n.id, n]))
    profile.samples.forEach((id, k) => {
      const f = byId.get(id).callFrame
      const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[k] ?? 0) / 1000 / loads)
    })
    await context.close()
  }
  console.log('\nself time per load:')
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`  ${v.toFixed(1).padStart(8)} ms  ${k}`)
  }
} finally {
  await browser.close()
  server.kill()
}
