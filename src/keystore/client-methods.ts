/** The SDK's method name for an operation: `CreateKey` → `createKey`. */
export function methodName<Op extends string>(operation: Op): Uncapitalize<Op> {
  return (operation.charAt(0).toLowerCase() + operation.slice(1)) as Uncapitalize<Op>
}

type Settled =
  | { readonly ok: true; readonly response: unknown }
  | { readonly ok: false; readonly error: Error }

/**
 * One async method per operation, as AWS SDK v3 clients have them: each runs
 * the call at once and settles with its response, or rejects with its error.
 */
export function toMethods<Op extends string>(
  operations: readonly Op[],
  run: (operation: Op, input: unknown) => Settled,
): Record<string, (input?: unknown) => Promise<unknown>> {
  const entries = operations.map((operation) => {
    const method = (input?: unknown) => {
      const result = run(operation, input)

      return result.ok ? Promise.resolve(result.response) : Promise.reject(result.error)
    }

    return [methodName(operation), method] as const
  })

  return Object.fromEntries(entries)
}
