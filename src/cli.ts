#!/usr/bin/env node
// The command line. Kept light on purpose: each command loads its own modules
// on demand, so `--help` and `--version` never load ink or the Encryption SDK.
import { Command, Option } from 'commander'
import { version } from '../package.json'

const program = new Command()
  .name('kms-sandbox')
  .description(
    'Learn how AWS KMS decides who may use a key, in a sandbox that never calls AWS.\n' +
      'With no command, starts the interactive course in the terminal.',
  )
  .version(version)
  .showHelpAfterError()
  .argument('[command]')
  .exitOverride()
  .action(async (command: string | undefined) => {
    if (command !== undefined) {
      process.stderr.write(`kms-sandbox: unknown command '${command}'. See kms-sandbox --help.\n`)
      process.exitCode = 2

      return
    }

    const { startInteractive } = await import('./cli/start-command')
    process.exitCode = await startInteractive()
  })

program
  .command('check')
  .description('Evaluate policy check files and report whether the sandbox reaches the expected decision.')
  .argument('<files...>', 'policy check files (JSON)')
  .option('--explain', 'print the whole explanation of each decision')
  .option('--json', 'print machine-readable results')
  .action(async (files: string[], options: { explain?: boolean; json?: boolean }) => {
    const { runCheckCommand } = await import('./cli/check-command')
    process.exitCode = runCheckCommand(files, options)
  })

const collect = (value: string, previous: string[] = []) => [...previous, value]

program
  .command('explain')
  .description('Explain why a request to a key is allowed or denied, from your own policies.')
  .requiredOption('--key-policy <file>', 'the key policy (JSON)')
  .requiredOption('--principal <arn>', 'who calls: a user, role, role session, account or service')
  .requiredOption('--action <action>', 'the permission, e.g. kms:Decrypt')
  .option('--key-arn <arn>', 'the key ARN (default: a key in the principal\'s account)')
  .option('--identity-policy <principal=file>', 'an IAM policy attached to a principal (repeatable)', collect)
  .option('--grant <file>', 'a grant on the key, as JSON (repeatable)', collect)
  .option('--encryption-context <k=v>', 'an encryption-context pair (repeatable)', collect)
  .option('--context <key=value>', 'a condition key the request carries, e.g. kms:ViaService=… (repeatable)', collect)
  .option('--json', 'print the explanation as JSON')
  .action(async (options: Record<string, unknown>) => {
    const { runExplainCommand } = await import('./cli/explain-command')
    process.exitCode = runExplainCommand(options)
  })

program
  .command('replay')
  .description('Run a scenario without the terminal UI and print its transcript.')
  .argument('<scenario>', 'a shipped scenario id or a scenario file path')
  .addOption(new Option('--json', 'one JSON object per step').conflicts('markdown'))
  .option('--markdown', 'a Markdown handout for an onboarding session')
  .action(async (scenario: string, options: { json?: boolean; markdown?: boolean }) => {
    const { runReplayCommand } = await import('./cli/replay-command')
    process.exitCode = await runReplayCommand(scenario, options)
  })

program
  .command('list')
  .description('List the lessons and scenarios that ship with the sandbox.')
  .action(async () => {
    const { runListCommand } = await import('./cli/list-command')
    process.exitCode = await runListCommand()
  })

// Usage mistakes (a missing option, an unknown flag) are bad input: exit 2, as the
// commands themselves do, never 1, which means "denied" or "an expectation failed".
try {
  await program.parseAsync()
} catch (error) {
  const code = (error as { code?: string }).code
  const informational = code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help'
  process.exitCode = informational ? 0 : 2
}
