import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser'

/** A position in a text file, both 1-based. */
export type SourcePosition = { readonly line: number; readonly column: number }

/** JSON text parsed strictly, keeping the syntax tree so paths map back to lines. */
export type JsonSource =
  | { readonly ok: true; readonly value: unknown; readonly locate: (path: JsonPath) => SourcePosition | undefined }
  | { readonly ok: false; readonly message: string; readonly position: SourcePosition }

export type JsonPath = readonly (string | number)[]

/**
 * Parses JSON as AWS does (no comments, no trailing commas) and reports the
 * first syntax error with its line and column.
 */
export function readJson(text: string): JsonSource {
  const errors: ParseError[] = []
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false })
  const first = errors[0]

  if (first || !tree) {
    const offset = first?.offset ?? 0
    const what = first ? describeSyntaxError(printParseErrorCode(first.error)) : 'empty document'

    return { ok: false, message: `Invalid JSON: ${what}`, position: positionAt(text, offset) }
  }

  return {
    ok: true,
    value: JSON.parse(text) as unknown,
    locate: (path) => {
      const node: Node | undefined = findNodeAtLocation(tree, [...path])

      return node ? positionAt(text, node.offset) : undefined
    },
  }
}

/** Renders a path the way the error messages show it: `Statement[1].Principal.AWS`. */
export function formatJsonPath(path: JsonPath): string {
  let text = ''

  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`
    else text += text === '' ? part : `.${part}`
  }

  return text === '' ? '(document)' : text
}

function positionAt(text: string, offset: number): SourcePosition {
  let line = 1
  let lineStart = 0

  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++
      lineStart = i + 1
    }
  }

  return { line, column: offset - lineStart + 1 }
}

function describeSyntaxError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'invalid number',
    PropertyNameExpected: 'expected a property name in double quotes',
    ValueExpected: 'expected a value',
    ColonExpected: "expected ':'",
    CommaExpected: "expected ','",
    CloseBraceExpected: "expected '}'",
    CloseBracketExpected: "expected ']'",
    EndOfFileExpected: 'unexpected text after the document',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'unterminated comment',
    UnexpectedEndOfString: 'unterminated string',
    UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid unicode escape',
    InvalidEscapeCharacter: 'invalid escape character',
    InvalidCharacter: 'invalid character in string',
  }

  return words[code] ?? code
}
