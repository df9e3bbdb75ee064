/**
 * Startup: from navigation to the article's first paragraph on screen, with an empty profile, for
 * the app (this build, and the before build when there is one) and for the same article as one
 * static HTML page served by the same handler. Measured pair by pair in one run, the order rotating
 * in each round, in a fresh browser context each time (empty IndexedDB, empty cache); the bundle
 * sizes are read from disk and gzipped.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { writeStaticPage } from './static-page.mjs'

const ROUNDS = 11
const packPath = new URL('../resources/packs/mexico-russia/pack.json', import.meta.url)

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`

/**
 * In the page before any script: the time of the first frame with a paragraph of the article on
 * screen (in the DOM and rendered: the prerendered one is in every page, hidden when not used),
 * and of the first frame in which the live app has drawn it (no prerendered copy left).
 */
function watchFirstParagraph() {
  const shown = () => {
    const p = document.querySelector('p[data-block]')
    return Boolean(p && p.checkVisibility() && p.textContent.trim())
  }
  const frameWhen = (test) =>
    new Promise((resolve) => {
      const check = () => {
        if (test()) requestAnimationFrame(() => resolve(performance.now()))
        else requestAnimationFrame(check)
      }
      requestAnimationFrame(check)
    })
  window.__firstParagraph = frameWhen(shown)
  window.__liveParagraph = frameWhen(() => shown() && !document.getElementById('prerender'))
}

/** One cold load: ms to the first paragraph, and the script files fetched before it. */
async function coldLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    await page.addInitScript(watchFirstParagraph)
    await page.goto(url, { waitUntil: 'commit' })
    const ms = await page.evaluate(() => window.__firstParagraph)
    const live = await page.evaluate(() => window.__liveParagraph)
    const scripts = await page.evaluate(
      (until) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime <= until && new URL(e.name).pathname.endsWith('.js'))
          .map((e) => new URL(e.name).pathname),
      live
    )
    return { ms, live, scripts }
  } finally {
    await context.close()
  }
}

const gz = (outDir, pathname) =>
  gzipSync(readFileSync(join(outDir, 'renderer', pathname.replace(/^\//, '')))).length

function bundle(outDir, firstScripts) {
  const assets = join(outDir, 'renderer', 'assets')
  const all = readdirSync(assets).filter((f) => f.endsWith('.js'))
  const allGz = all.reduce((sum, f) => sum + gz(outDir, `assets/${f}`), 0)
  const firstGz = firstScripts.reduce((sum, p) => sum + gz(outDir, p), 0)
  const css = readdirSync(assets).filter((f) => f.endsWith('.css'))
  const cssGz = css.reduce((sum, f) => sum + gz(outDir, `assets/${f}`), 0)
  return { allGz, firstGz, files: all.length, firstFiles: firstScripts.length, cssGz }
}

export default async function startup({ baseURL, outDir, before, chromiumPath }) {
  const staticPath = writeStaticPage(join(outDir, 'renderer'), packPath)
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-sync']
  })
  const runs = [
    { name: 'static page', url: baseURL + staticPath },
    { name: 'app (this build)', url: baseURL, outDir },
    ...(before
      ? [{ name: `app (before: ${before.ref})`, url: before.baseURL, outDir: before.outDir }]
      : [])
  ].map((run) => ({ ...run, times: [], live: [], scripts: [] }))
  try {
    // One warm-up load each (the server's file cache, Chromium's code paths), not counted.
    for (const run of runs) await coldLoad(browser, run.url)
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < runs.length; i++) {
        const run = runs[(round + i) % runs.length]
        const { ms, live, scripts } = await coldLoad(browser, run.url)
        run.times.push(ms)
        run.live.push(live)
        run.scripts = scripts
      }
    }
  } finally {
    await browser.close()
  }
  const staticMedian = median(runs[0].times)
  const rows = runs.map((run) => {
    const m = median(run.times)
    const sizes = run.outDir ? bundle(run.outDir, run.scripts) : undefined
    return {
      page: run.name,
      'first paragraph median': `${m.toFixed(0)} ms`,
      'min / max': `${Math.min(...run.times).toFixed(0)} / ${Math.max(...run.times).toFixed(0)} ms`,
      'ratio to static': run.outDir ? `${(m / staticMedian).toFixed(2)}×` : '1×',
      'drawn by the app median': run.outDir ? `${median(run.live).toFixed(0)} ms` : '',
      'first-view JS (gzip)': sizes ? `${kb(sizes.firstGz)} in ${sizes.firstFiles} file(s)` : '',
      'all JS (gzip)': sizes ? `${kb(sizes.allGz)} in ${sizes.files} file(s)` : '',
      'CSS (gzip)': sizes ? kb(sizes.cssGz) : '',
      pairs: run.times.length
    }
  })
  return {
    title: 'Startup: the article on screen, against the same article as a static page',
    columns: [
      'page',
      'first paragraph median',
      'min / max',
      'ratio to static',
      'drawn by the app median',
      'first-view JS (gzip)',
      'all JS (gzip)',
      'CSS (gzip)',
      'pairs'
    ],
    rows,
    notes:
      'From navigation start to the first animation frame in which a paragraph of the article is in ' +
      "the DOM and rendered (`p[data-block]`, polled each frame by a script added before the page's " +
      'own; the first screen prerendered into the HTML counts once it is shown); "drawn by the app" ' +
      'is the first frame in which the live app has replaced the prerendered copy. Each ' +
      'load in a fresh browser context (empty IndexedDB and cache), with no hash in the URL, as the ' +
      "desktop app opens. The static page is the pack's sections and paragraphs as one HTML file " +
      'with one stylesheet and the same two variable fonts (font-display: swap), written into the ' +
      'build and served by the same handler. In each of the rounds every page loads once, the order ' +
      'rotating; one warm-up load each is not counted. "first-view JS" is the JavaScript the page had ' +
      'fetched by the time the app drew the paragraph (from the Resource Timing entries), gzipped ' +
      'from disk; "all JS" every script of ' +
      'the build.'
  }
}
