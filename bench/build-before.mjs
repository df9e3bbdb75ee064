/**
 * `node bench/build-before.mjs [ref [what it is]]`: builds the app as it was at a git ref (default:
 * the ref named in bench/before-ref.txt, with its description) into bench/tmp/before/, noting the
 * ref and what it is in bench/tmp/before/ref.txt (the suites label the build with it), so
 * `npm run bench` can serve it beside the current build and measure both in one run. The source
 * comes from `git archive` (no worktree is registered); node_modules is this checkout's, linked.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')
const named = readFileSync(join(here, 'before-ref.txt'), 'utf8').trim()
const ref = process.argv[2] ?? named.split(/\s/)[0]
const label = process.argv[2] ? `${ref} ${process.argv[3] ?? ''}`.trim() : named
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
writeFileSync(join(dir, 'ref.txt'), label + '\n')
console.log(`Built ${ref} into ${dir}`)
