/** Plain data that prints and serialises the same everywhere: what events hold. */
export type Printable =
  | string
  | number
  | boolean
  | null
  | readonly Printable[]
  | { readonly [field: string]: Printable }

/**
 * A copy of a request or response fit for the event log: binary fields
 * become `[N bytes]`, so no plaintext, key or ciphertext is kept or printed,
 * and dates become ISO strings. Undefined fields are dropped.
 */
export function toPrintable(value: unknown): Printable {
  if (value instanceof Uint8Array) return `[${value.length} bytes]`
  if (value instanceof Date) return value.toISOString()
  if (value === null || value === undefined) return null
  if (Array.isArray(value)) return value.map(toPrintable)

  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, field]) => field !== undefined)

    return Object.fromEntries(entries.map(([name, field]) => [name, toPrintable(field)]))
  }

  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value
  }

  return String(value)
}
