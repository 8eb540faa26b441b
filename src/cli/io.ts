import { Chalk, type ChalkInstance } from 'chalk'
import { readFileSync } from 'node:fs'

/**
 * Exit codes shared by every command: 0 all good, 1 a mismatch, 2 bad input,
 * 130 interrupted (Ctrl+C: the shell's 128 + SIGINT).
 */
export const exitCodes = { ok: 0, mismatch: 1, badInput: 2, interrupted: 130 } as const

/**
 * A chalk that colours only when writing to a terminal and NO_COLOR is unset.
 * Tests and pipes get plain text.
 */
export function paintFor(stream: NodeJS.WriteStream): ChalkInstance {
  const wanted = stream.isTTY === true && !process.env['NO_COLOR']

  return new Chalk({ level: wanted ? 1 : 0 })
}

/** Reads a text file, or says in one line why it could not. */
export function readText(path: string): { ok: true; text: string } | { ok: false; message: string } {
  try {
    return { ok: true, text: readFileSync(path, 'utf8') }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : String(code ?? error)

    return { ok: false, message: `Failed to read ${path}: ${reason}` }
  }
}
