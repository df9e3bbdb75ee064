import { describe, expect, it } from 'vitest'
import {
  EventLineSchema,
  ReviewLineSchema,
  isDeviceName,
  isSettingsFile,
  logFileName,
  logKindOf,
  parseLines
} from './lines'

const review = {
  id: 'aaaaaaaa-0000-4000-8000-000000000001',
  card: 'event:fort-ross:year',
  rating: 3,
  at: Date.UTC(2026, 0, 2),
  mode: 'typed',
  device: 'dddddddd-0000-4000-8000-00000000000d',
  retention: 0.9,
  ms: 1200
}

describe('the line format', () => {
  it('parses whole lines, numbers the bad ones, and leaves an unterminated last line for later', () => {
    const text = `${JSON.stringify(review)}\n\n{"broken\n${JSON.stringify({ ...review, rating: 0 })}\n{"id":`
    const parsed = parseLines(text, ReviewLineSchema, 'r.jsonl', 10)
    expect(parsed.rows).toEqual([review])
    expect(parsed.issues.map((i) => [i.line, i.message])).toEqual([
      [12, 'not JSON'],
      [13, expect.stringContaining('rating')]
    ])
    expect(parsed.consumed).toBe(text.lastIndexOf('\n') + 1)
    expect(parsed.lines).toBe(4)
  })

  it('refuses an undo without its review and a bury without its end', () => {
    const base = {
      id: 'eeeeeeee-0000-4000-8000-000000000001',
      card: 'c',
      at: 1,
      device: review.device
    }
    expect(EventLineSchema['~standard'].validate({ ...base, kind: 'undo' })).toHaveProperty(
      'issues'
    )
    expect(EventLineSchema['~standard'].validate({ ...base, kind: 'bury' })).toHaveProperty(
      'issues'
    )
    expect(
      EventLineSchema['~standard'].validate({ ...base, kind: 'undo', review: review.id })
    ).not.toHaveProperty('issues')
  })

  it('knows the files and the conflict copies sync engines make, and nothing else', () => {
    expect(logFileName('reviews', Date.UTC(2026, 11, 31, 23))).toBe('reviews-2026.jsonl')
    for (const name of [
      'reviews-2026.jsonl',
      'reviews-2026 (conflicted copy).jsonl',
      "reviews-2026 (Ana's conflicted copy 2026-11-30).jsonl",
      'reviews-2026.sync-conflict-20261130-101010-ABCDEFG.jsonl',
      'reviews-2026 (1).jsonl'
    ]) {
      expect(logKindOf(name)).toBe('reviews')
    }
    expect(logKindOf('events-2025.jsonl')).toBe('events')
    for (const name of [
      'reviews.jsonl',
      'reviews-2026.jsonl.tmp',
      '.reviews-2026.jsonl',
      'x.jsonl'
    ]) {
      expect(logKindOf(name)).toBeNull()
    }
    expect(isSettingsFile('settings.json')).toBe(true)
    expect(isSettingsFile('settings (conflicted copy).json')).toBe(true)
    expect(isSettingsFile('settings.json.tmp')).toBe(false)
    expect(isDeviceName(review.device)).toBe(true)
    expect(isDeviceName('..')).toBe(false)
    expect(isDeviceName('a/b')).toBe(false)
  })
})
