import { decryptEnvelope, encryptEnvelope, EnvelopeError } from '../crypto'
import { KmsError } from '../keystore'
import { ec2Service, type Service, type ServiceAction } from '../services'
import type { ActionOutcome, StepContext } from './run-step'
import { errorOf, statusOf } from './run-step'
import { readReference, type ArgNames } from './resolve-args'
import type { StepAction } from './scenario-schema'

/** State kept beside the sandbox by the AWS services a scenario uses. */
export type ExtraWorld = {
  services: Readonly<Record<string, unknown>>
}

/**
 * Runs an Encryption SDK step: the SDK's own KMS keyring calls the sandbox as
 * the actor, and each call it makes is an event of this step. The message is
 * the step's result (`$steps.<id>.result`).
 */
export async function runSdkStep(
  action: Extract<StepAction, { kind: 'sdk' }>,
  actor: string,
  names: ArgNames,
  context: StepContext,
): Promise<ActionOutcome> {
  const { sandbox } = context.world
  const before = sandbox.eventCount
  const keyIds = (action.args.keys ?? []).map((key) => names.keys.get(key) ?? key)
  const encryptionContext = action.args.encryptionContext ? { ...action.args.encryptionContext } : undefined

  try {
    if (action.sdk === 'encrypt') {
      const plaintext = new TextEncoder().encode(action.args.plaintext)
      const { message } = await encryptEnvelope(sandbox, { principal: actor, keyIds, plaintext, ...(encryptionContext ? { encryptionContext } : {}) })

      return { status: 'allowed', events: sandbox.eventsSince(before), raw: { result: message } }
    }

    const message = readReference(action.args.message, names)
    if (!(message instanceof Uint8Array)) throw new EnvelopeError('InvalidMessage', 'The message to decrypt is not an Encryption SDK message.')

    const decrypted = await decryptEnvelope(sandbox, {
      principal: actor,
      message,
      ...(keyIds.length > 0 ? { keyIds } : {}),
      ...(encryptionContext ? { encryptionContext } : {}),
    })
    const raw = { result: new TextDecoder().decode(decrypted.plaintext), EncryptionContext: decrypted.encryptionContext }

    return { status: 'allowed', events: sandbox.eventsSince(before), raw }
  } catch (thrown) {
    const events = sandbox.eventsSince(before)
    if (thrown instanceof KmsError) return { status: statusOf(thrown), events, error: errorOf(thrown) }
    if (thrown instanceof EnvelopeError) return { status: 'failed', events, error: { code: thrown.code, message: thrown.message } }

    throw thrown
  }
}

// The services a scenario can call, by the name its steps use.
const services: Readonly<Record<string, Service<unknown, Readonly<Record<string, ServiceAction<unknown, never, unknown>>>>>> = {
  ec2: ec2Service as never,
}

/**
 * Runs an AWS service action for the actor: the service makes its KMS calls
 * (as the actor, through the service, or as its own principals), each an
 * event of this step. The service's state is kept beside the sandbox.
 */
export async function runServiceStep(
  action: Extract<StepAction, { kind: 'service' }>,
  actor: string,
  names: ArgNames,
  context: StepContext,
): Promise<ActionOutcome> {
  const service = services[action.service]
  const run = service?.actions[action.action]
  if (!service || !run) {
    const error = { code: 'UnsupportedOperationException', message: `The sandbox has no ${action.service} ${action.action}.` }

    return { status: 'failed', events: [], error }
  }

  const args = readReference(resolveKeyArgs(action.args, names), names) as never
  const state = context.extra.services[service.name] ?? service.initialState
  const outcome = run(context.world.sandbox, actor, args, state)
  context.extra.services = { ...context.extra.services, [service.name]: outcome.state }

  if (outcome.ok) return { status: 'allowed', events: outcome.events, raw: outcome.result }

  const { error } = outcome
  const status = error instanceof KmsError ? statusOf(error) : 'failed'

  return { status, events: outcome.events, error: { code: error.code, message: error.message } }
}

function resolveKeyArgs(args: Readonly<Record<string, unknown>>, names: ArgNames): Record<string, unknown> {
  const keyId = args['KeyId']

  return typeof keyId === 'string' ? { ...args, KeyId: names.keys.get(keyId) ?? keyId } : { ...args }
}
