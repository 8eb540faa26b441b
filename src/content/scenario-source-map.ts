import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml'

/** A step into parsed data: a mapping key or a list index. */
export type PathSegment = string | number

/** A 1-based line and column. */
export type SourcePosition = { readonly line: number; readonly column: number }

/**
 * Finds where a path into the parsed data sits in the YAML text. `'key'` asks
 * for the mapping key itself (an unknown field); otherwise the value. A path
 * that runs out early (a missing field) lands on the deepest node that exists.
 */
export type SourceLocator = (
  path: readonly PathSegment[],
  target?: 'key' | 'value',
) => SourcePosition

/** A locator over one parsed YAML document. */
export function createSourceLocator(document: Document, lines: LineCounter): SourceLocator {
  return (path, target = 'value') => {
    let node = resolve(document, document.contents)
    let offset = node?.range?.[0] ?? 0

    for (const [index, segment] of path.entries()) {
      const found = child(node, segment)
      if (found === undefined) break

      const value = resolve(document, found.value)
      const isLast = index === path.length - 1
      const wantsKey = isLast && target === 'key'
      offset = wantsKey ? found.keyOffset : (startOf(value) ?? found.keyOffset)
      node = value
    }

    const { line, col } = lines.linePos(offset)

    return { line, column: col }
  }
}

type Child = { readonly keyOffset: number; readonly value: unknown }

function child(node: Node | null | undefined, segment: PathSegment): Child | undefined {
  if (isMap(node)) {
    const pair = node.items.find(
      (item) => isScalar(item.key) && String(item.key.value) === String(segment),
    )
    const key = pair?.key as Node | undefined

    return pair && key?.range ? { keyOffset: key.range[0], value: pair.value } : undefined
  }

  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | undefined

    return item?.range ? { keyOffset: item.range[0], value: item } : undefined
  }

  return undefined
}

// An empty value (`as:` with nothing after it) has no text of its own.
function startOf(node: Node | null | undefined): number | undefined {
  const range = node?.range

  return range && range[1] > range[0] ? range[0] : undefined
}

function resolve(document: Document, node: unknown): Node | null | undefined {
  if (isAlias(node)) return node.resolve(document) ?? null

  return node as Node | null | undefined
}
