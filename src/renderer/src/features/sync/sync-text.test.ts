import { describe, expect, it } from 'vitest'
import { describeLastSync } from './sync-text'

const NOW = Date.UTC(2026, 10, 30, 12)
const last = {
  at: NOW - 5 * 60_000,
  changedAt: NOW - 5 * 60_000,
  sent: 1,
  received: 12,
  settings: 1,
  devices: 2,
  issues: [],
  issueCount: 3
}

describe('describeLastSync', () => {
  it('says when, what went each way, and how many computers share the folder', () => {
    expect(describeLastSync(last, NOW)).toMatchObject({
      when: '5 minutes ago',
      sent: '1 change',
      received: '12 changes, 1 setting',
      devices: 'In step with 2 other computers.',
      issues: expect.stringMatching(/^3 lines .* were skipped/)
    })
    expect(describeLastSync({ ...last, at: NOW - 10_000 }, NOW)).toMatchObject({
      when: 'just now',
      changed: '(last exchange 5 minutes ago)'
    })
    expect(describeLastSync({ ...last, devices: 0 }, NOW).devices).toMatch(/No other computer/)
  })

  it('before any sync, says so', () => {
    expect(describeLastSync(undefined, NOW)).toMatchObject({ when: 'not yet', sent: '–' })
  })
})
