import { Box, Text } from 'ink'
import type { StepResult } from '../../content/step-result'
import type { SandboxEvent } from '../../keystore'
import { shortPrincipal } from '../../present/names'
import { decidedByLabel, keyLabel } from '../format'

type Props = {
  /** The step whose events to list; undefined before any ran. */
  readonly result?: StepResult
  /** Key ARN → the ref the scenario uses. */
  readonly keyRefs: ReadonlyMap<string, string>
  /** Grant ID → the ref the scenario uses. */
  readonly grantRefs: ReadonlyMap<string, string>
  /** Principals of this account are shown without their account ID. */
  readonly homeAccount: string
}

/** The sandbox's CloudTrail for the step: every call it made, who made it, and how it ended. */
export function TrailPanel({ result, keyRefs, grantRefs, homeAccount }: Props) {
  if (!result) return <Text dimColor>Each step's KMS calls show here once it runs.</Text>
  if (result.events.length === 0) return <Text dimColor>This step made no calls.</Text>

  return (
    <Box flexDirection="column">
      <Text bold>
        CloudTrail · {result.events.length} {result.events.length === 1 ? 'event' : 'events'}
      </Text>
      {result.events.map((event, i) => (
        <EventLine
          key={i}
          event={event}
          keyRefs={keyRefs}
          grantRefs={grantRefs}
          homeAccount={homeAccount}
        />
      ))}
    </Box>
  )
}

function EventLine({
  event,
  keyRefs,
  grantRefs,
  homeAccount,
}: { readonly event: SandboxEvent } & Omit<Props, 'result'>) {
  const time = <Text dimColor>{event.time.slice(11, 19)} </Text>

  if (event.kind === 'clock') {
    const deleted = event.deletedKeys.map((key) => keyLabel(key, keyRefs)).join(', ')

    return (
      <Text wrap="wrap">
        {time}clock moves on{deleted ? `; deleted ${deleted}` : ''}
      </Text>
    )
  }

  const ok = event.outcome.ok
  const outcome = ok ? <Text color="green">ok</Text> : <Text color="red">{event.outcome.code}</Text>

  if (event.kind === 'iam') {
    return (
      <Text wrap="truncate-end">
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
      <Text wrap="truncate-end">
        {time}
        <Text bold>{event.operation}</Text>
        {event.keyArn ? ` ${keyLabel(event.keyArn, keyRefs)}` : ''} → {outcome}
      </Text>
      <Text dimColor wrap="truncate-end">
        {'         '}
        {who}
        {deciding.length > 0 ? ` · by ${deciding.join(', ')}` : ''}
      </Text>
    </Box>
  )
}
