/**
 * Timeline at scale: the app's timeline and vis-timeline, fed the same 100, 1,000 and 10,000
 * events in the same Chromium run. Measures the time from navigation to the first full draw, and
 * the main-thread cost of each zoom and pan frame at three zoom levels (full range, a decade, a
 * year). A frame's cost is the input handler's time plus the work of the next animation frame
 * (every rAF callback, the DOM update and a forced style and layout), without the idle wait for
 * vsync, so both libraries are timed the same way.
 */
import { chromium } from '@playwright/test'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveBuild } from './serve-build.mjs'
import { scalePack, visItems } from './timeline-pack.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const VIS = join(root, 'node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js')
const SIZES = (process.env.TIMELINE_BENCH_SIZES ?? '100,1000,10000').split(',').map(Number)
const YEAR = 365.2425 * 24 * 3600 * 1000
const LEVELS = [
  { name: 'full range', span: null },
  { name: 'a decade', span: 10 * YEAR },
  { name: 'a year', span: YEAR }
]
const CENTRE = Date.UTC(1935, 6, 1)
const COLUMNS = [
  'implementation',
  'events',
  'level',
  'first draw ms',
  'opened again ms',
  'timeline own ms',
  'zoom p50 / p95 / max ms',
  'pan p50 / p95 / max ms',
  'frames measured',
  'notes'
]
const OURS_SAMPLES = 40
// Loads per build for the first-draw medians (TIMELINE_BENCH_LOADS).
const FIRST_DRAW_LOADS = Number(process.env.TIMELINE_BENCH_LOADS ?? 5)
// TIMELINE_BENCH_VIS=0 leaves vis-timeline out: a quick before/after run of this app alone.
const WITH_VIS = process.env.TIMELINE_BENCH_VIS !== '0'

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? NaN, n: values.length }
}
const ms = (v) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(0)) : '–')
const trio = (s) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`

/** In the page: runs `count` frames of an action, returns each frame's main-thread cost in ms. */
const measureFrames = async ({ action, count }) => {
  const raf = () => new Promise((r) => requestAnimationFrame(r))
  const act = globalThis.__benchAction
  const out = []
  for (let i = 0; i < count; i++) {
    await raf()
    let frameStart = 0
    requestAnimationFrame(() => (frameStart = performance.now()))
    const t0 = performance.now()
    act(action, i)
    const t1 = performance.now()
    // Let the app's state updates settle (microtasks) so that its redraw, which it asks for in
    // one of them, is registered before the closing callback below.
    for (let k = 0; k < 4; k++) await new Promise((r) => queueMicrotask(() => r(undefined)))
    await new Promise((resolve) =>
      requestAnimationFrame(() => {
        void document.body.offsetHeight
        resolve(undefined)
      })
    )
    const t2 = performance.now()
    out.push(t1 - t0 + (frameStart ? t2 - frameStart : 0))
  }
  return out
}

/** In the page: like measureFrames, but vis-timeline redraws on a timer, so each frame runs
 * from the call to its 'changed' event (emitted at the end of a redraw), then a forced layout. */
const measureVisFrames = async ({ action, count }) => {
  const raf = () => new Promise((r) => requestAnimationFrame(r))
  const tl = globalThis.__timeline
  const act = globalThis.__benchAction
  const out = []
  for (let i = 0; i < count; i++) {
    await raf()
    const t0 = performance.now()
    const done = new Promise((resolve) => {
      const timer = setTimeout(resolve, 60_000)
      const handler = () => {
        clearTimeout(timer)
        tl.off('changed', handler)
        resolve(undefined)
      }
      tl.on('changed', handler)
    })
    act(action, i)
    await done
    void document.body.offsetHeight
    out.push(performance.now() - t0)
  }
  return out
}

/**
 * Serves a build with `pack` in place of its own, by the build's own handler reading it from its
 * resources folder as the desktop app does, from a copy in bench/tmp/scaled/`name`. (Until
 * 2026-12-02 the pack was handed to the page by Playwright's `route.fulfill`, which pushes the body
 * through the DevTools protocol: at 10,000 events that alone took seconds and varied with the
 * body's size, so the bench measured its own plumbing.) With `announce`, the copy's page also
 * carries the pack's SHA-256 and size where the build puts those of the pack it validated
 * (scripts/pack-build-plugin.ts), as a build of the app with this pack would ship: the app then
 * checks the digest instead of validating again. Without it the pack is not the one announced,
 * and the app validates it completely at load. Returns the URL and a stop.
 */
async function servePack(name, outDir, pack, port, { announce = false } = {}) {
  const dir = join(root, 'bench', 'tmp', 'scaled', name)
  rmSync(dir, { recursive: true, force: true })
  cpSync(outDir, join(dir, 'out'), { recursive: true })
  cpSync(join(outDir, '..', 'resources'), join(dir, 'resources'), {
    recursive: true,
    dereference: true
  })
  const bytes = Buffer.from(JSON.stringify(pack))
  writeFileSync(join(dir, 'resources/packs/mexico-russia/pack.json'), bytes)
  if (announce) {
    const page = join(dir, 'out/renderer/index.html')
    const html = readFileSync(page, 'utf8')
    const sha256 = createHash('sha256').update(bytes).digest('hex')
    const announced = html
      .replace(/(<meta name="pack-sha256" content=")[0-9a-f]*(">)/, `$1${sha256}$2`)
      .replace(/(<meta name="pack-bytes" content=")\d*(">)/, `$1${bytes.byteLength}$2`)
    if (!announced.includes(sha256) || !announced.includes(`"${bytes.byteLength}"`)) {
      throw new Error(`${page} has no pack digest to replace: this build announces no pack`)
    }
    writeFileSync(page, announced)
  }
  const server = await serveBuild(join(dir, 'out/main/serve.js'), port)
  return { baseURL: `http://127.0.0.1:${port}/`, stop: () => server.kill() }
}

/** Opens the app on the timeline in a fresh context (an empty profile); returns the page once
 * the timeline is drawn, with its first-draw times. */
async function openTimeline(browser, baseURL) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  const page = await context.newPage()
  await page.goto(`${baseURL}#/timeline`)
  const [firstDraw, ownDraw] = await drawTimes(page)
  return { context, page, firstDraw, ownDraw }
}

/** Waits for the timeline's first full draw in the page; returns it and the timeline's own part. */
async function drawTimes(page) {
  await page
    .getByTestId('timeline-axis')
    .and(page.locator('[data-drawn]'))
    .waitFor({ timeout: 300_000 })
  return page.evaluate(() => {
    const drawn = performance.getEntriesByName('timeline-drawn')[0]?.startTime ?? NaN
    const start = performance.getEntriesByName('timeline-start')[0]?.startTime ?? NaN
    return [drawn, drawn - start]
  })
}

/** In the page: resolves once the main thread has been idle through five idle periods in a row of
 * 45 ms or more (the app's start, and any view it draws ahead, is over), or after 10 s. */
const settle = () =>
  new Promise((resolve) => {
    const until = performance.now() + 10_000
    let quiet = 0
    const look = (deadline) => {
      quiet = deadline.timeRemaining() >= 45 ? quiet + 1 : 0
      if (quiet >= 5 || performance.now() > until) resolve(undefined)
      else requestIdleCallback(look)
    }
    requestIdleCallback(look)
  })

/**
 * The first draw of each build, `loads` times, builds alternating, each in a fresh context: one
 * load is one sample of a start-up figure, too noisy alone on a shared machine. Returns, per
 * build, the medians and every sample.
 */
async function firstDraws(browser, builds, loads) {
  const samples = builds.map(() => ({ firstDraw: [], ownDraw: [], again: [] }))
  for (let i = 0; i < loads; i++) {
    for (const [k, { baseURL }] of builds.entries()) {
      const run = await openTimeline(browser, baseURL)
      samples[k].firstDraw.push(run.firstDraw)
      samples[k].ownDraw.push(run.ownDraw)
      // Opened again on the same profile (its database made, the HTTP cache warm), after the page
      // has settled, as a student comes back to the app.
      await run.page.evaluate(settle)
      await run.page.goto('about:blank')
      await run.page.goto(`${baseURL}#/timeline`)
      samples[k].again.push((await drawTimes(run.page))[0])
      await run.context.close()
    }
  }
  return samples.map(({ firstDraw, ownDraw, again }) => ({
    firstDraw: stats(firstDraw).p50,
    ownDraw: stats(ownDraw).p50,
    againDraw: stats(again).p50,
    firstDraws: firstDraw
  }))
}

/** Zoom and pan frames at each level, in a page opened on the timeline and left to settle. */
async function benchOurs(browser, baseURL) {
  const { context, page } = await openTimeline(browser, baseURL)
  const axis = page.getByTestId('timeline-axis')
  await page.evaluate(settle)
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="timeline-axis"]')
    const rect = el.getBoundingClientRect()
    globalThis.__benchAction = (action, i) => {
      if (action === 'zoom') {
        // Ctrl+wheel zooms (a plain wheel scrolls the page): 100·ln 1.2 px is one ×1.2 step.
        el.dispatchEvent(
          new WheelEvent('wheel', {
            deltaY: (i % 2 === 0 ? -100 : 100) * Math.log(1.2),
            ctrlKey: true,
            clientX: rect.left + rect.width / 2,
            clientY: rect.top + 200,
            bubbles: true,
            cancelable: true
          })
        )
      } else {
        el.dispatchEvent(
          new KeyboardEvent('keydown', {
            key: i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft',
            shiftKey: true,
            bubbles: true,
            cancelable: true
          })
        )
      }
    }
  })
  const results = []
  for (const level of LEVELS) {
    // Set the level: fit (the full range), then Ctrl+wheel steps around the centre until the
    // window spans the target (a step zooms by at most e^0.5, so several are needed).
    await page.evaluate(
      async ({ span, centre }) => {
        const el = document.querySelector('[data-testid="timeline-axis"]')
        const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)))
        el.dispatchEvent(
          new KeyboardEvent('keydown', { key: '0', bubbles: true, cancelable: true })
        )
        await frame()
        for (let step = 0; span !== null && step < 40; step++) {
          const start = Date.parse(el.dataset.windowStart)
          const end = Date.parse(el.dataset.windowEnd)
          const deltaY = 100 * Math.log(span / (end - start))
          if (Math.abs(deltaY) < 0.5) break
          const rect = el.getBoundingClientRect()
          const x = rect.left + (rect.width * (centre - start)) / (end - start)
          el.dispatchEvent(
            new WheelEvent('wheel', {
              deltaY: Math.max(-50, Math.min(50, deltaY)),
              ctrlKey: true,
              clientX: x,
              clientY: rect.top + 200,
              bubbles: true,
              cancelable: true
            })
          )
          await frame()
        }
        await frame()
        await frame()
      },
      { span: level.span, centre: CENTRE }
    )
    const unit = await axis.getAttribute('data-tick-unit')
    const zoom = stats(await page.evaluate(measureFrames, { action: 'zoom', count: OURS_SAMPLES }))
    // At the full range there is nothing to pan to: step in once (×1.2) first.
    if (level.span === null) await page.evaluate(() => globalThis.__benchAction('zoom', 0))
    const pan = stats(await page.evaluate(measureFrames, { action: 'pan', count: OURS_SAMPLES }))
    const labels = await page.locator('[data-testid="timeline-axis"] [data-event-id]').count()
    results.push({ level: level.name, zoom, pan, note: `ticks by ${unit}; ${labels} DOM labels` })
  }
  await context.close()
  return { results }
}

async function benchVis(browser, pack, samples) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } })
  const page = await context.newPage()
  await page.goto('about:blank')
  await page.setContent(
    '<div id="tl" style="width:1230px;height:460px;font:13px sans-serif"></div>'
  )
  await page.addScriptTag({ path: VIS })
  const items = visItems(pack)
  const firstDraw = await page.evaluate(async (items) => {
    const container = document.getElementById('tl')
    const t0 = performance.now()
    const timeline = new globalThis.vis.Timeline(container, items, {
      start: Date.UTC(1800, 0, 1),
      end: Date.now(),
      stack: true,
      zoomMin: 60 * 24 * 3600 * 1000,
      height: '460px'
    })
    globalThis.__timeline = timeline
    // Its 'changed' event follows a redraw; when that already happened inside the constructor,
    // the next two frames (drawn, laid out) close the measurement.
    await new Promise((resolve) => {
      let frames = 0
      const tick = () => (++frames >= 2 ? resolve(undefined) : requestAnimationFrame(tick))
      timeline.on('changed', () => resolve(undefined))
      requestAnimationFrame(tick)
    })
    void document.body.offsetHeight
    return performance.now() - t0
  }, items)
  await page.evaluate(() => {
    const tl = globalThis.__timeline
    globalThis.__benchAction = (action, i) => {
      const w = tl.getWindow()
      const span = w.end - w.start
      if (action === 'zoom') {
        if (i % 2 === 0) tl.zoomIn(0.2, { animation: false })
        else tl.zoomOut(0.2, { animation: false })
      } else {
        const shift = (i % 2 === 0 ? 1 : -1) * span * 0.2
        tl.moveTo(w.start.valueOf() + span / 2 + shift, { animation: false })
      }
    }
  })
  const results = []
  for (const level of LEVELS) {
    await page.evaluate(
      ({ span, centre }) => {
        const tl = globalThis.__timeline
        if (span === null) tl.setWindow(Date.UTC(1800, 0, 1), Date.now(), { animation: false })
        else tl.setWindow(centre - span / 2, centre + span / 2, { animation: false })
        return new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
      },
      { span: level.span, centre: CENTRE }
    )
    const zoom = stats(await page.evaluate(measureVisFrames, { action: 'zoom', count: samples }))
    if (level.span === null) {
      await page.evaluate(() => {
        globalThis.__timeline.zoomIn(0.2, { animation: false })
        return new Promise((r) => setTimeout(r, 50))
      })
      await page.waitForTimeout(100)
    }
    const pan = stats(await page.evaluate(measureVisFrames, { action: 'pan', count: samples }))
    results.push({ level: level.name, zoom, pan, note: '' })
  }
  await context.close()
  return { firstDraw, results }
}

/** The before build's own pack (its schema may differ from this build's), or this build's. */
function beforePack(before) {
  const path = join(before.outDir, '..', 'resources/packs/mexico-russia/pack.json')
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined
}

export default async function timelineBench({ baseURL, outDir, before, chromiumPath }) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
  const rows = []
  const summary = {}
  const beforeLabel = before?.ref.split(' ')[0]
  try {
    for (const size of SIZES) {
      const pack = scalePack(size)
      const port = Number(new URL(baseURL).port) + 10
      // This build as it would ship with the pack (announced), and with a pack it did not announce.
      const builds = [
        await servePack(`this-${size}`, outDir, pack, port, { announce: true }),
        await servePack(`this-unannounced-${size}`, outDir, pack, port + 2)
      ]
      if (before) {
        const beforePackScaled = scalePack(size, beforePack(before))
        builds.push(await servePack(`before-${size}`, before.outDir, beforePackScaled, port + 1))
      }
      let draws, unannounced, earlierDraws, earlier, ours
      try {
        console.log(`timeline: ${size} events, first draws (${FIRST_DRAW_LOADS} loads per build)…`)
        ;[draws, unannounced, earlierDraws] = await firstDraws(browser, builds, FIRST_DRAW_LOADS)
        if (before) {
          console.log(`timeline: ${size} events, the before build (${beforeLabel})…`)
          earlier = { ...earlierDraws, ...(await benchOurs(browser, builds[2].baseURL)) }
        }
        console.log(`timeline: ${size} events, ours…`)
        ours = { ...draws, ...(await benchOurs(browser, builds[0].baseURL)) }
      } finally {
        for (const build of builds) build.stop()
      }
      const samples = size >= 10000 ? 5 : size >= 1000 ? 10 : 20
      let vis
      if (WITH_VIS) {
        console.log(`timeline: ${size} events, vis-timeline (${samples} frames per measure)…`)
        vis = await benchVis(browser, pack, samples)
      }
      summary[size] = { ours, unannounced, vis, earlier }
      // Once the pack is loaded both draw alike: only the first draws are measured unannounced.
      const validated = { ...unannounced, results: [{ level: LEVELS[0].name, note: '' }] }
      for (const [name, run] of [
        ['this app (canvas + DOM labels)', ours],
        ['this app, a pack the build did not announce (validated at load)', validated],
        [`this app, before (${beforeLabel})`, earlier],
        ['vis-timeline 8.5', vis]
      ]) {
        if (!run) continue
        for (const r of run.results) {
          rows.push({
            implementation: name,
            events: size.toLocaleString('en'),
            level: r.level,
            'first draw ms': ms(run.firstDraw),
            'opened again ms': ms(run.againDraw),
            'timeline own ms': ms(run.ownDraw ?? run.firstDraw),
            'zoom p50 / p95 / max ms': r.zoom ? trio(r.zoom) : 'as above',
            'pan p50 / p95 / max ms': r.pan ? trio(r.pan) : 'as above',
            'frames measured': r.zoom ? `${r.zoom.n} + ${r.pan.n}` : '–',
            notes:
              run.firstDraws && r.level === LEVELS[0].name
                ? [r.note, `first draws ${run.firstDraws.map(ms).join(', ')} ms`]
                    .filter(Boolean)
                    .join('; ')
                : r.note
          })
        }
      }
    }
  } finally {
    await browser.close()
  }
  const big = summary[SIZES[SIZES.length - 1]]
  const worst = (run, key) => Math.max(...run.results.map((r) => r[key].p95))
  const sizeText = SIZES[SIZES.length - 1].toLocaleString('en')
  const againstBefore = big.earlier
    ? `Against the before build (${before.ref}), same run, at ${sizeText} events: first draw ${ms(big.ours.firstDraw)} ms (before ${ms(big.earlier.firstDraw)} ms; this build with a pack it did not announce ${ms(big.unannounced.firstDraw)} ms), opened again ${ms(big.ours.againDraw)} ms (before ${ms(big.earlier.againDraw)} ms; not announced ${ms(big.unannounced.againDraw)} ms), timeline own ${ms(big.ours.ownDraw)} ms (before ${ms(big.earlier.ownDraw)} ms), worst p95 zoom ${ms(worst(big.ours, 'zoom'))} ms (before ${ms(worst(big.earlier, 'zoom'))} ms), pan ${ms(worst(big.ours, 'pan'))} ms (before ${ms(worst(big.earlier, 'pan'))} ms).`
    : ''
  if (!big.vis) {
    return {
      title: 'Timeline at scale: this app alone (vis-timeline left out)',
      columns: COLUMNS,
      rows,
      notes: [
        `Worst p95 frame at ${sizeText} events: zoom ${ms(worst(big.ours, 'zoom'))} ms, pan ${ms(worst(big.ours, 'pan'))} ms.`,
        againstBefore
      ].join('\n')
    }
  }
  const ratio = big.vis.firstDraw / big.ours.firstDraw
  const ownRatio = big.vis.firstDraw / big.ours.ownDraw
  const oursZoom = worst(big.ours, 'zoom')
  const oursPan = worst(big.ours, 'pan')
  const notes = [
    `At ${SIZES[SIZES.length - 1].toLocaleString('en')} events: first draw ${ms(big.ours.firstDraw)} ms against vis-timeline's ${ms(big.vis.firstDraw)} ms (${ratio.toFixed(1)}× faster; target ≥ 50×: ${ratio >= 50 ? 'met' : 'NOT met'}). Counting only the timeline's own work (page created → drawn, ${ms(big.ours.ownDraw)} ms; the rest is the app starting: scripts, database, loading and validating the pack), ${ownRatio.toFixed(0)}× faster.`,
    `Worst p95 frame over the three levels: zoom ${ms(oursZoom)} ms, pan ${ms(oursPan)} ms (target < 16 ms: ${oursZoom < 16 && oursPan < 16 ? 'met' : 'NOT met'}); vis-timeline zoom ${ms(worst(big.vis, 'zoom'))} ms, pan ${ms(worst(big.vis, 'pan'))} ms.`,
    againstBefore,
    '',
    `Method. First draw: the app's is \`performance.mark('timeline-drawn')\` after its first full canvas draw, counted from navigation start, so it includes the whole app starting up; 'timeline own ms' counts from the timeline page being created (\`performance.mark('timeline-start')\`). Both are medians of ${FIRST_DRAW_LOADS} loads per build in fresh contexts, the builds alternating (the samples are in the full-range row's notes); until 2026-12-02 they were one load each, the first of them in a browser just started. 'opened again' is the first draw when the same profile opens the app on the timeline a second time (its database made, its HTTP cache warm), after the first load has settled, as a student comes back; median of the same loads. Frames are measured after the page has settled (five idle periods of 45 ms or more in a row), so views an app draws ahead after its start are not timed as frames. vis-timeline's runs from \`new vis.Timeline(…)\` to its first 'changed' event (or two frames later) on an already loaded page, so it leaves out page load, which favours vis-timeline.`,
    `Frames: the app's cost is the input handler plus all the work of the next animation frame (its canvas draw, the Svelte update of the label layer and a forced style and layout), without the idle wait for vsync. vis-timeline redraws on a timer after a call, so its frame runs from the call (\`zoomIn\`/\`zoomOut(0.2)\`, \`moveTo\` a fifth of the window, no animation) to its 'changed' event and a forced layout. Zoom frames alternate in and out (×1.2 for the app: Ctrl+wheel events around the centre); pan frames alternate right and left by a fifth of the window (Shift+Arrow for the app); at the full range both first step in once so there is room to pan. The app: ${OURS_SAMPLES} frames per cell; vis-timeline: 20 / 10 / 5 at 100 / 1,000 / 10,000 events to keep the run bounded.`,
    "Packs: the real pack's 24 events plus copies with new ids, dates spread over 1806–2025 (the first era begins in 1806; each event must fall inside its era to pass the integrity check), a mix of day, month, year and range precision, served in place of the real pack by each build's own handler from a copy of its resources folder (bench/tmp/scaled). This build is measured as a build of it with that pack would ship: the pack's SHA-256 and size in the page where the build puts those of the pack it validated, so the app checks the digest instead of validating again, as it does with its real pack (the before build has no such step and validates every pack at load). The row 'a pack the build did not announce' is the same build served the same pack without the digest: the app validates it completely at load (schema and integrity check), which also shows the pack is sound. Until 2026-12-03 this build was measured only that way. Each build gets the pack in its own format: the before build's events carry fewer fields (4.4 against 5.5 MB at 10,000 events). Headless Chromium with --disable-gpu (software raster), viewport 1280×860; the centre of the decade and year windows is mid-1935."
  ].join('\n')
  return {
    title: big.earlier
      ? 'Timeline at scale: this app against vis-timeline and against its own before build'
      : 'Timeline at scale: this app against vis-timeline',
    columns: COLUMNS,
    rows,
    notes
  }
}
