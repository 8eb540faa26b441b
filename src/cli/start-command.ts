// Placeholder until the start command lands; says so plainly rather than pretending.
export async function startInteractive(..._args: unknown[]): Promise<number> {
  process.stderr.write('kms-sandbox: the start command is not built yet.\n')

  return 2
}
