/**
 * `node bench/build-before.mjs [ref]`: builds the app as it was at a git ref (default: the ref
 * named in bench/before-ref.txt) into bench/tmp/before/, so `npm run bench` can serve it beside the
 * current build and measure both in one run. The source comes from `git archive` (no worktree is
 * registered); node_modules is this checkout's, linked.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const ref =
  process.argv[2] ?? readFileSync(join(here, 'before-ref.txt'), 'utf8').trim().split(/\s/)[0]
const dir = join(here, 'tmp', 'before')

rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })
const archive = execFileSync('git', ['archive', '--format=tar', ref], {
  cwd: root,
  maxBuffer: 1 << 30
})
execFileSync('tar', ['-x', '-C', dir], { input: archive })
symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir')
execFileSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
  cwd: dir,
  stdio: 'inherit'
})
if (!existsSync(join(dir, 'out', 'main', 'serve.js'))) throw new Error('the before build failed')
console.log(`Built ${ref} into ${dir}`)
