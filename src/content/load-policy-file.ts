import { dirname, join } from 'node:path'
import { positionAt, readJson } from '../shared/json-source'
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

  const source = readJson(text)
  if (!source.ok) {
    return { ok: false, code: 'bad-policy-json', message: source.message, at: { file: path, ...source.position } }
  }

  const document = source.value
  if (!isRecord(document)) {
    const at = { file: path, ...positionAt(text, text.search(/\S/)) }
    const message = `expected a policy document (a JSON object), found ${describeValue(document)}`
    return { ok: false, code: 'bad-policy-json', message, at }
  }

  return { ok: true, document }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT'
}
