// Placeholder until the replay command lands; says so plainly rather than pretending.
export async function runReplayCommand(..._args: unknown[]): Promise<number> {
  process.stderr.write('kms-sandbox: the replay command is not built yet.\n')

  return 2
}
