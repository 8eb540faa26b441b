import { dirname, join } from 'node:path'
import type { PolicyFileReader, PolicyFileResult } from './scenario-policy-schema'
import { describeError, describeValue } from './scenario-messages'
import { isRecord } from './scenario-schema-kit'

/** Reads a text file, throwing as `fs.readFileSync` does when it cannot. */
export type ReadTextFile = (path: string) => string

/**
 * A reader for the policy files a scenario names, relative to the scenario
 * file. Reads each file once, and reports a missing file, invalid JSON (with
 * the JSON file's own line and column) or JSON that is not an object.
 */
export function createPolicyFileReader(
  scenarioFile: string,
  readFile: ReadTextFile,
): PolicyFileReader {
  const results = new Map<string, PolicyFileResult>()

  return (relativePath) => {
    const path = join(dirname(scenarioFile), relativePath)
    const result = results.get(path) ?? readPolicyFile(path, relativePath, readFile)
    results.set(path, result)

    return result
  }
}

function readPolicyFile(
  path: string,
  relativePath: string,
  readFile: ReadTextFile,
): PolicyFileResult {
  let text: string
  try {
    text = readFile(path).replace(/^\uFEFF/, '')
  } catch (error) {
    const message = isNotFound(error)
      ? `policy file "${relativePath}" not found: looked for ${path} ` +
        '(paths are relative to the scenario file)'
      : `Failed to read policy file ${path}: ${describeError(error)}`
    return { ok: false, code: 'file-not-found', message }
  }

  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    const reason = describeError(error)
    const at = { file: path, ...positionOf(text, errorOffset(reason, text)) }
    return { ok: false, code: 'bad-policy-json', message: `invalid JSON: ${tidy(reason)}`, at }
  }

  if (!isRecord(document)) {
    const at = { file: path, ...positionOf(text, text.search(/\S/)) }
    const message = `expected a policy document (a JSON object), found ${describeValue(document)}`
    return { ok: false, code: 'bad-policy-json', message, at }
  }

  return { ok: true, document }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT'
}

// V8 gives the offset of a JSON syntax error in its message ("… at position 18");
// only the end-of-input error leaves it out.
function errorOffset(reason: string, text: string): number {
  const position = /at position (\d+)/.exec(reason)?.[1]

  return position === undefined ? text.trimEnd().length : Number(position)
}

// The position is reported as line and column instead, so drop V8's own.
function tidy(reason: string): string {
  return reason
    .replace(/ in JSON at position \d+/, '')
    .replace(/ \(line \d+ column \d+\)/, '')
    .replace(/, "[^"]*" is not valid JSON$/, '')
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, Math.max(0, offset)).split('\n')

  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 }
}
