import { Box, Text } from 'ink'
import type { StepResult } from '../../content/step-result'
import type { SandboxEvent } from '../../keystore'
import { shortPrincipal } from '../../present/names'
import { decidedByLabel, keyLabel } from '../format'

type Props = {
  /** Every step played so far, oldest first; the last one is on screen. */
  readonly results: readonly StepResult[]
  /** Key ARN → the ref the scenario uses. */
  readonly keyRefs: ReadonlyMap<string, string>
  /** Grant ID → the ref the scenario uses. */
  readonly grantRefs: ReadonlyMap<string, string>
  /** Principals of this account are shown without their account ID. */
  readonly homeAccount: string
}

type Names = Omit<Props, 'results'>

/**
 * The sandbox's CloudTrail for the whole session, newest first: every call,
 * who made it and how it ended. The calls of the step on screen are marked.
 */
export function TrailPanel({ results, ...names }: Props) {
  const current = results.at(-1)
  if (!current) return <Text dimColor>Each step's KMS calls show here once it runs.</Text>

  const entries = results
    .flatMap((result) => result.events.map((event) => ({ event, mine: result === current })))
    .reverse()
  if (entries.length === 0) return <Text dimColor>No calls yet.</Text>

  const count = (n: number) => `${n} ${n === 1 ? 'event' : 'events'}`

  return (
    <Box flexDirection="column">
      <Text bold wrap="truncate-end">
        CloudTrail · {count(entries.length)}, newest first
        <Text dimColor> · ▸ this step ({count(current.events.length)})</Text>
      </Text>
      {entries.map(({ event, mine }, i) => (
        <EventLine key={i} event={event} mine={mine} {...names} />
      ))}
    </Box>
  )
}

function EventLine({
  event,
  mine,
  keyRefs,
  grantRefs,
  homeAccount,
}: { readonly event: SandboxEvent; readonly mine: boolean } & Names) {
  // Marked and bright for this step; earlier steps' calls dimmed (both show without colour).
  const time = (
    <Text dimColor>
      {mine ? '▸ ' : '  '}
      {event.time.slice(11, 19)}{' '}
    </Text>
  )

  if (event.kind === 'clock') {
    const deleted = event.deletedKeys.map((key) => keyLabel(key, keyRefs)).join(', ')

    return (
      <Text wrap="wrap" dimColor={!mine}>
        {time}clock moves on{deleted ? `; deleted ${deleted}` : ''}
      </Text>
    )
  }

  const ok = event.outcome.ok
  const outcome = ok ? <Text color="green">ok</Text> : <Text color="red">{event.outcome.code}</Text>

  if (event.kind === 'iam') {
    return (
      <Text wrap="truncate-end" dimColor={!mine}>
        {time}IAM {event.operation} in {event.account} → {outcome}
      </Text>
    )
  }

  const caller = shortPrincipal(event.caller, homeAccount)
  const who = event.via ? `${event.via} for ${caller}` : caller
  const deciding = event.decisions
    .flatMap((decision) => decision.decidedBy)
    .map((ref) => decidedByLabel(ref, grantRefs))

  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" dimColor={!mine}>
        {time}
        <Text bold={mine}>{event.operation}</Text>
        {event.keyArn ? ` ${keyLabel(event.keyArn, keyRefs)}` : ''} → {outcome}
      </Text>
      <Text dimColor wrap="truncate-end">
        {'           '}
        {who}
        {deciding.length > 0 ? ` · by ${deciding.join(', ')}` : ''}
      </Text>
    </Box>
  )
}
