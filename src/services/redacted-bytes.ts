// The key node:util.inspect looks for, without importing node:util.
const inspectCustom = Symbol.for('nodejs.util.inspect.custom')

/**
 * Bytes a service keeps, such as an encrypted data key, that print as their
 * length only: in JSON, in `util.inspect` (console, vitest diffs) and as a
 * string. Immutable; `bytes()` returns a copy.
 */
export class RedactedBytes {
  readonly #bytes: Uint8Array
  readonly length: number

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes.slice()
    this.length = bytes.length
    Object.freeze(this)
  }

  /** A copy of the bytes, safe to hand to code that may zero or change it. */
  bytes(): Uint8Array {
    return this.#bytes.slice()
  }

  toJSON(): string {
    return this.toString()
  }

  toString(): string {
    return `[${this.length} bytes]`
  }

  [inspectCustom](): string {
    return this.toString()
  }
}
