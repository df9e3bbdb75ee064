/**
 * The CI workflow cannot run here, so it is checked as data: it validates against GitHub's
 * workflow schema, and it runs what the project relies on it to run.
 */
import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'yaml'

const FILE = '.github/workflows/ci.yml'

interface Step {
  run?: string
  uses?: string
  if?: string
  with?: Record<string, string>
}
interface Job {
  if?: string
  needs?: string
  strategy?: { matrix: { os: string[] } }
  steps: Step[]
}
const workflow = parse(readFileSync(FILE, 'utf8')) as {
  on: { push: { tags: string[] }; pull_request: unknown }
  env: Record<string, string>
  jobs: Record<string, Job>
}
const runs = (job: Job | undefined) => (job?.steps ?? []).map((step) => step.run ?? '').join('\n')

describe('the CI workflow', () => {
  it('validates against the GitHub workflow schema', () => {
    const validator = join('node_modules', '.bin', 'action-validator')
    // Throws (with the validator's errors) on a non-zero exit.
    expect(() => execFileSync(validator, [FILE], { encoding: 'utf8', shell: true })).not.toThrow()
  })

  it('runs npm ci and npm test on Linux, Windows and macOS, on pushes and pull requests', () => {
    const test = workflow.jobs.test
    expect(workflow.on.pull_request).toBeDefined()
    expect(test?.strategy?.matrix.os).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest'])
    expect(runs(test)).toMatch(/npm ci\b/)
    expect(runs(test)).toMatch(/^xvfb-run -a npm test$/m)
    expect(runs(test)).toMatch(/^npm test$/m)
  })

  it('requires the Electron e2e to run, with the binary downloaded and cached', () => {
    expect(workflow.env.REQUIRE_ELECTRON).toBe('1')
    expect(runs(workflow.jobs.test)).toContain('npx install-electron')
    const cached = workflow.jobs.test?.steps.find((s) => s.uses?.startsWith('actions/cache'))
    for (const folder of [
      '~/.cache/electron',
      '~/Library/Caches/electron',
      '~/AppData/Local/electron/Cache'
    ]) {
      expect(cached?.with?.path).toContain(folder)
    }
  })

  it('builds the installers with npm run dist on the three systems for a version tag', () => {
    const installers = workflow.jobs.installers
    expect(workflow.on.push.tags).toEqual(['v*'])
    expect(installers?.if).toBe("startsWith(github.ref, 'refs/tags/v')")
    expect(installers?.needs).toBe('test')
    expect(installers?.strategy?.matrix.os).toEqual([
      'ubuntu-latest',
      'windows-latest',
      'macos-latest'
    ])
    expect(runs(installers)).toContain('npm run dist')
    const upload = installers?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))
    for (const ext of ['AppImage', 'deb', 'dmg', 'exe']) {
      expect(upload?.with?.path).toContain(`dist/*.${ext}`)
    }
  })
})
