import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser'

/** A position in a text file, both 1-based. */
export type SourcePosition = { readonly line: number; readonly column: number }

/** A path into a JSON document: property names and array indexes. */
export type JsonPath = readonly (string | number)[]

/**
 * Finds where a path points in the text: at the value, or at the property
 * name with `target: 'key'`. A path that runs out early lands on the deepest
 * node there is, so a missing field points at the object that lacks it.
 */
export type JsonLocator = (path: JsonPath, target?: 'key' | 'value') => SourcePosition

/** JSON text parsed strictly, keeping the syntax tree so paths map back to lines. */
export type JsonSource =
  | { readonly ok: true; readonly value: unknown; readonly locate: JsonLocator }
  | { readonly ok: false; readonly message: string; readonly position: SourcePosition }

/**
 * Parses JSON as AWS does (no comments, no trailing commas; a byte-order mark
 * is dropped) and reports the first syntax error with its line and column.
 */
export function readJson(raw: string): JsonSource {
  const text = raw.replace(/^\uFEFF/, '')
  const errors: ParseError[] = []
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false })
  const first = errors[0]

  if (first || !tree) {
    const what = text.trim() === '' ? 'the file is empty' : first ? syntaxWords(first) : 'expected a value'

    return { ok: false, message: `invalid JSON: ${what}`, position: positionAt(text, first?.offset ?? 0) }
  }

  return { ok: true, value: JSON.parse(text) as unknown, locate: locatorOf(text, tree) }
}

/** Renders a path the way messages show it: `Statement[1].Principal.AWS`. */
export function formatJsonPath(path: JsonPath): string {
  let text = ''

  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`
    else text += text === '' ? part : `.${part}`
  }

  return text === '' ? '(document)' : text
}

/** The 1-based line and column of a character offset. */
export function positionAt(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset).split('\n')

  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }
}

function locatorOf(text: string, tree: Node): JsonLocator {
  return (path, target = 'value') => {
    let node: Node = tree
    let offset = tree.offset

    for (const [index, segment] of path.entries()) {
      const found = childOf(node, segment)
      if (found === undefined) break

      const wantsKey = index === path.length - 1 && target === 'key'
      offset = wantsKey ? found.keyOffset : found.value.offset
      node = found.value
    }

    return positionAt(text, offset)
  }
}

type JsonChild = { readonly keyOffset: number; readonly value: Node }

function childOf(node: Node, segment: string | number): JsonChild | undefined {
  if (node.type === 'object') {
    const property = node.children?.find((child) => child.children?.[0]?.value === String(segment))
    const [key, value] = property?.children ?? []

    return key && value ? { keyOffset: key.offset, value } : undefined
  }

  const isIndex = node.type === 'array' && typeof segment === 'number'
  const item = isIndex ? node.children?.[segment] : undefined

  return item ? { keyOffset: item.offset, value: item } : undefined
}

const syntaxMessages: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes (no trailing commas)',
  ValueExpected: 'expected a value (no trailing commas)',
  ColonExpected: "expected ':' after a property name",
  CommaExpected: "expected ',' between items",
  CloseBraceExpected: "expected '}'",
  CloseBracketExpected: "expected ']'",
  EndOfFileExpected: 'unexpected text after the end of the document',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
}

function syntaxWords(error: ParseError): string {
  const code = printParseErrorCode(error.error)

  return syntaxMessages[code] ?? code
}
