import { describe, expect, it } from 'vitest'
import { DEFAULT_FLOW_OPTIONS, layoutFlows } from './flow-layout'
import { flowGroups, flowRows } from './trade-data'
import { realPack } from './test-pack'

const groups = flowGroups(realPack().trade.flows)
const layout = layoutFlows(groups)

describe('flow layout', () => {
  it('draws one line per table row, in the same order', () => {
    expect(layout.lines.map((l) => l.key)).toEqual(flowRows(groups).map((r) => r.key))
    expect(layout.lines.map((l) => l.product)).toEqual(flowRows(groups).map((r) => r.product))
  })

  it('puts Mexico on the left and Russia on the right, within the drawing', () => {
    const [mexico, russia] = layout.nodes
    expect(mexico?.name).toBe('Mexico')
    expect(russia?.name).toBe('Russia')
    expect(mexico?.x).toBe(0)
    expect(russia?.x).toBe(DEFAULT_FLOW_OPTIONS.width - DEFAULT_FLOW_OPTIONS.nodeWidth)
  })

  it('stacks the rows top to bottom without overlap, every label box the same size', () => {
    const boxes = layout.lines.map((l) => l.label)
    for (let i = 1; i < boxes.length; i++) {
      const prev = boxes[i - 1]
      const box = boxes[i]
      if (!prev || !box) throw new Error('missing box')
      expect(box.y).toBeGreaterThanOrEqual(prev.y + prev.height)
    }
    expect(new Set(boxes.map((b) => `${b.width}x${b.height.toFixed(3)}`)).size).toBe(1)
    const last = boxes[boxes.length - 1]
    expect((last?.y ?? 0) + (last?.height ?? 0)).toBeLessThanOrEqual(
      DEFAULT_FLOW_OPTIONS.height + 1e-9
    )
  })

  it('runs Mexican exports left to right and Russian exports right to left', () => {
    const start = (d: string) => Number(/^M([\d.]+)/.exec(d)?.[1])
    const mx = layout.lines.find((l) => l.product === 'tequila')
    const ru = layout.lines.find((l) => l.product === 'metals')
    if (!mx || !ru) throw new Error('missing line')
    expect(start(mx.inPath)).toBeLessThan(start(mx.outPath))
    expect(start(ru.inPath)).toBeGreaterThan(start(ru.outPath))
  })

  it('heads each group with its direction', () => {
    expect(layout.headings.map((h) => h.text)).toEqual(['Mexico → Russia', 'Russia → Mexico'])
  })
})
