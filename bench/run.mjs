/**
 * `npm run bench`: builds nothing, serves the built app over loopback with the app's own handler,
 * runs every bench/*.bench.mjs suite in Debian's Chromium, and writes bench/results.json and the
 * tables in bench/README.md. Benchmarks measure; tests never assert times. When a before build
 * exists (bench/tmp/before, made by `node bench/build-before.mjs`), it is served too, on the next
 * port, and the suites that compare measure both in the same run.
 */
import { existsSync, readdirSync, writeFileSync, readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { serveBuild } from './serve-build.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const outDir = process.env.BENCH_OUT ?? 'out'
const port = Number(process.env.BENCH_PORT ?? 4300)
const baseURL = `http://127.0.0.1:${port}/`
const beforeRoot = join(here, 'tmp', 'before')
const beforeURL = `http://127.0.0.1:${port + 1}/`
const only = process.argv.slice(2)

if (!existsSync(join(root, outDir, 'main', 'serve.js'))) {
  console.error(
    `The app is not built (${outDir}/main/serve.js is missing): run \`npm run build\` first.`
  )
  process.exit(1)
}

const servers = [await serveBuild(join(root, outDir, 'main', 'serve.js'), port)]
const before = existsSync(join(beforeRoot, 'out', 'main', 'serve.js'))
  ? {
      baseURL: beforeURL,
      outDir: join(beforeRoot, 'out'),
      // The ref the before build was made from, as build-before.mjs noted it (older builds: the default).
      ref: readFileSync(
        existsSync(join(beforeRoot, 'ref.txt'))
          ? join(beforeRoot, 'ref.txt')
          : join(here, 'before-ref.txt'),
        'utf8'
      ).trim()
    }
  : undefined
if (before) servers.push(await serveBuild(join(before.outDir, 'main', 'serve.js'), port + 1))
else console.warn('No before build (node bench/build-before.mjs): suites measure this build only.')

const suites = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort()

const resultsPath = join(here, 'results.json')
const previous = existsSync(resultsPath)
  ? JSON.parse(readFileSync(resultsPath, 'utf8'))
  : { suites: {} }
const results = {
  generatedAt: new Date().toISOString(),
  machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
  suites: { ...previous.suites }
}

try {
  for (const file of suites) {
    const name = file.replace(/\.bench\.mjs$/, '')
    console.log(`\n# ${name}`)
    const suite = await import(pathToFileURL(join(here, file)).href)
    /** Each suite: default async ({ baseURL, outDir, before, chromiumPath }) => { title, columns, rows, notes } */
    const load = loadavg()[0]
    results.suites[name] = {
      ...(await suite.default({
        baseURL,
        outDir: join(root, outDir),
        before,
        chromiumPath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
      })),
      // When, and how busy the machine was: a suite not run this time keeps its earlier figures.
      measuredAt: new Date().toISOString(),
      loadAverage: `${load.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end`
    }
    console.table(results.suites[name].rows)
  }
} finally {
  for (const server of servers) server.kill()
}

writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n')

const table = ({ columns, rows }) =>
  [
    `| ${columns.join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${columns.map((c) => row[c] ?? '').join(' | ')} |`)
  ].join('\n')

const readme = [
  '# Benchmarks',
  '',
  '`npm run build && npm run bench` serves the built app over loopback with the same handler the',
  "desktop app uses and drives Debian's Chromium (headless) through it with Playwright. Results are",
  'written to `results.json`; this page is regenerated from it. Tests never assert times.',
  '',
  `Last run: ${results.generatedAt} on ${results.machine.cpus} × ${results.machine.model}, Node ${results.machine.node}. A run may measure only some suites (\`npm run bench startup scale\`); each suite says when it was measured.`,
  '',
  'Before and after in one run: `node bench/build-before.mjs` builds the commit named in',
  "`bench/before-ref.txt` (from `git archive`, with this checkout's node_modules) into `bench/tmp/before/`;",
  '`npm run bench` then serves that build on the next port beside the current one, and the startup and',
  'scale suites measure both, alternating, in the same browser and the same run. Each suite records',
  'the label of the build it measured. To measure one change against the commit before it,',
  '`node bench/build-before.mjs <ref> "<what it is>"` builds that ref instead and labels it so.',
  ...Object.entries(results.suites).flatMap(([name, suite]) => [
    '',
    `## ${suite.title ?? name}`,
    '',
    ...(suite.measuredAt
      ? [
          `Measured ${suite.measuredAt}; load average (1 min) ${suite.loadAverage} on ${results.machine.cpus} cores.`,
          ''
        ]
      : ['Measured in an earlier run (the date above is the last run of any suite).', '']),
    table(suite),
    ...(suite.notes ? ['', suite.notes] : [])
  ]),
  ''
].join('\n')
writeFileSync(join(here, 'README.md'), readme)
console.log('\nWrote bench/results.json and bench/README.md')
