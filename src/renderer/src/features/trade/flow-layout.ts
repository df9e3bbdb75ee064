/**
 * Lays out the two-sided flow diagram: Mexico on the left, Russia on the right, each product
 * in the middle, one line from the exporting country through the product to the importing one.
 * Every line has the same width: the source gives no value per product, so nothing is scaled
 * by value. Positions come from d3-scale, line shapes from d3-shape.
 */
import { scaleBand, scalePoint } from 'd3-scale'
import { linkHorizontal } from 'd3-shape'
import type { Country } from '$shared/pack-schema'
import { COUNTRY_NAMES, type FlowGroup } from './trade-data'

export interface FlowLayoutOptions {
  width: number
  height: number
  /** Width of the product labels in the middle column. */
  labelWidth: number
  /** Width of each country bar. */
  nodeWidth: number
  /** Space above the rows for the group headings. */
  headingHeight: number
}

export const DEFAULT_FLOW_OPTIONS: FlowLayoutOptions = {
  width: 600,
  height: 420,
  labelWidth: 220,
  nodeWidth: 14,
  headingHeight: 28
}

export interface FlowNode {
  country: Country
  name: string
  x: number
  y: number
  width: number
  height: number
  /** Where the country's name is written. */
  labelX: number
  labelAnchor: 'start' | 'end'
}

export interface FlowLine {
  key: string
  product: string
  direction: string
  groupKey: string
  /** The product label box, centred on the row. */
  label: { x: number; y: number; width: number; height: number }
  /** From the exporting country to the product label. */
  inPath: string
  /** From the product label to the importing country (arrow at its end). */
  outPath: string
}

export interface FlowHeading {
  key: string
  text: string
  x: number
  y: number
}

export interface FlowLayout {
  width: number
  height: number
  nodes: FlowNode[]
  lines: FlowLine[]
  headings: FlowHeading[]
}

interface Point {
  x: number
  y: number
}

const link = linkHorizontal<{ source: Point; target: Point }, Point>()
  .x((p) => p.x)
  .y((p) => p.y)

/** The diagram for the flow groups: one line per product row, in the order of the groups. */
export function layoutFlows(
  groups: FlowGroup[],
  options: FlowLayoutOptions = DEFAULT_FLOW_OPTIONS
): FlowLayout {
  const { width, height, labelWidth, nodeWidth, headingHeight } = options
  const countries = [...new Set(groups.flatMap((g) => [g.from, g.to]))]
  // Two countries face each other; the first exporter (Mexico in the article) stands on the left.
  const sides = scalePoint<Country>()
    .domain(countries)
    .range([0, width - nodeWidth])

  const groupBand = scaleBand<string>()
    .domain(groups.map((g) => g.key))
    .range([0, height])
    .paddingInner(0.12)

  const allKeys = groups.flatMap((g) => g.rows.map((r) => r.key))
  // The country bars stand in the middle third of the height; each row meets them at its own
  // point, in row order, so no two lines cross at a bar.
  const nodeTop = height * 0.18
  const nodeBottom = height * 0.82
  const meet = scalePoint<string>().domain(allKeys).range([nodeTop, nodeBottom]).padding(0.5)

  const nodes: FlowNode[] = countries.map((country) => {
    const x = sides(country) ?? 0
    const left = x < width / 2
    return {
      country,
      name: COUNTRY_NAMES[country],
      x,
      y: nodeTop,
      width: nodeWidth,
      height: nodeBottom - nodeTop,
      labelX: left ? x : x + nodeWidth,
      labelAnchor: left ? 'start' : 'end'
    }
  })

  const labelLeft = (width - labelWidth) / 2
  const labelRight = labelLeft + labelWidth
  const edgeOf = (country: Country) => {
    const x = sides(country) ?? 0
    return x < width / 2 ? x + nodeWidth : x
  }

  const lines: FlowLine[] = []
  const headings: FlowHeading[] = []
  for (const group of groups) {
    const top = groupBand(group.key) ?? 0
    headings.push({
      key: group.key,
      text: group.direction,
      x: width / 2,
      y: top + headingHeight * 0.7
    })
    const rowBand = scaleBand<string>()
      .domain(group.rows.map((r) => r.key))
      .range([top + headingHeight, top + groupBand.bandwidth()])
      .paddingInner(0.25)
    const fromLeft = (sides(group.from) ?? 0) < (sides(group.to) ?? 0)
    for (const row of group.rows) {
      const y = (rowBand(row.key) ?? 0) + rowBand.bandwidth() / 2
      const meetY = meet(row.key) ?? y
      const entry = fromLeft ? labelLeft : labelRight
      const exit = fromLeft ? labelRight : labelLeft
      lines.push({
        key: row.key,
        product: row.product,
        direction: row.direction,
        groupKey: group.key,
        label: {
          x: labelLeft,
          y: y - rowBand.bandwidth() / 2,
          width: labelWidth,
          height: rowBand.bandwidth()
        },
        inPath:
          link({ source: { x: edgeOf(group.from), y: meetY }, target: { x: entry, y } }) ?? '',
        outPath: link({ source: { x: exit, y }, target: { x: edgeOf(group.to), y: meetY } }) ?? ''
      })
    }
  }
  return { width, height, nodes, lines, headings }
}
