// Placeholder until the list command lands; says so plainly rather than pretending.
export async function runListCommand(..._args: unknown[]): Promise<number> {
  process.stderr.write('kms-sandbox: the list command is not built yet.\n')

  return 2
}
