import { contextOperations, grantResourceKeyActions, splitAction } from './kms-actions'
import { roleArnOfSession, type ParsedPrincipal } from './principal-arn'
import type { AuthorizationRequest, EncryptionContext } from './request'

/**
 * The condition keys of one request, by lower-cased name (condition key names
 * are case-insensitive): a string for a single-valued key, a list for a set.
 */
export type RequestContext = ReadonlyMap<string, string | readonly string[]>

const none: readonly string[] = []

/** A key's values as a list; empty when the request lacks the key. */
export function valuesOf(context: RequestContext, key: string): readonly string[] {
  const value = context.get(key)
  if (value === undefined) return none

  return typeof value === 'string' ? [value] : value
}

/**
 * Derives the request context a real KMS request carries from who calls, what
 * they ask and the key. Keys only the caller's situation can supply
 * (kms:ViaService, aws:SourceIp…) come from `request.context` and override
 * nothing else.
 */
export function buildRequestContext(
  request: AuthorizationRequest,
  action: string,
  caller: ParsedPrincipal,
): RequestContext {
  const context = new Map<string, string | readonly string[]>()
  const set = (key: string, value: string | readonly string[] | undefined): void => {
    if (value !== undefined) context.set(key, value)
  }

  addPrincipalKeys(set, request, caller)
  addKeyProperties(set, request)
  addRequestParameters(set, request, splitAction(action).name)

  set('aws:securetransport', 'true')
  if (request.now) {
    set('aws:currenttime', request.now.toISOString())
    set('aws:epochtime', String(Math.floor(request.now.getTime() / 1000)))
  }

  for (const key in request.context) set(key.toLowerCase(), request.context[key])
  if (!context.has('aws:viaawsservice')) {
    set('aws:viaawsservice', context.has('kms:viaservice') ? 'true' : 'false')
  }

  return context
}

type Setter = (key: string, value: string | readonly string[] | undefined) => void

function addPrincipalKeys(set: Setter, request: AuthorizationRequest, caller: ParsedPrincipal): void {
  switch (caller.kind) {
    case 'user':
      set('aws:principalarn', caller.arn)
      set('aws:principaltype', 'User')
      set('aws:username', caller.name)
      set('aws:userid', request.principalUniqueId)
      break
    case 'role':
    case 'assumed-role': {
      const roleName = caller.kind === 'role' ? caller.name : caller.roleName
      const session = caller.kind === 'role' ? 'session' : caller.session
      set('aws:principalarn', caller.kind === 'role' ? caller.arn : roleArnOfSession(caller.account, roleName))
      set('aws:principaltype', 'AssumedRole')
      if (request.principalUniqueId) set('aws:userid', `${request.principalUniqueId}:${session}`)
      break
    }

    case 'federated-user':
      set('aws:principalarn', caller.arn)
      set('aws:principaltype', 'FederatedUser')
      break
    case 'root':
      set('aws:principalarn', caller.arn)
      set('aws:principaltype', 'Account')
      set('aws:userid', caller.account)
      break
    case 'service':
      set('aws:principalservicename', caller.service)
      break
    case 'unknown':
      break
  }

  if ('account' in caller) {
    set('aws:principalaccount', caller.account)
    set('kms:calleraccount', caller.account)
  }

  for (const [tag, value] of Object.entries(request.principalTags ?? {})) {
    set(`aws:principaltag/${tag.toLowerCase()}`, value)
  }
}

function addKeyProperties(set: Setter, request: AuthorizationRequest): void {
  const key = request.key
  if (!key) return

  set('kms:keyspec', key.keySpec ?? 'SYMMETRIC_DEFAULT')
  set('kms:keyusage', key.keyUsage ?? 'ENCRYPT_DECRYPT')
  set('kms:keyorigin', key.origin ?? 'AWS_KMS')
  set('kms:multiregion', key.multiRegion ? 'true' : 'false')
  if (key.aliases && key.aliases.length > 0) set('kms:resourcealiases', key.aliases)

  for (const [tag, value] of Object.entries(key.tags ?? {})) {
    set(`aws:resourcetag/${tag.toLowerCase()}`, value)
  }
}

function addRequestParameters(set: Setter, request: AuthorizationRequest, operation: string): void {
  if (contextOperations.has(operation)) addEncryptionContext(set, request.encryptionContext)

  if (grantResourceKeyActions.has(operation)) set('kms:grantisforawsresource', 'false')

  const grant = request.grantRequest
  if (grant && operation === 'CreateGrant') {
    set('kms:grantoperations', grant.operations)
    set('kms:granteeprincipal', grant.granteePrincipal)
    set('kms:retiringprincipal', grant.retiringPrincipal)

    const constraints = grant.constraints
    const type = constraints?.encryptionContextEquals
      ? 'EncryptionContextEquals'
      : constraints?.encryptionContextSubset
        ? 'EncryptionContextSubset'
        : undefined
    set('kms:grantconstrainttype', type)
    addEncryptionContext(set, constraints?.encryptionContextEquals ?? constraints?.encryptionContextSubset)
  }
}

function addEncryptionContext(set: Setter, pairs: EncryptionContext | undefined): void {
  if (!pairs) return

  const keys = Object.keys(pairs)
  if (keys.length > 0) set('kms:encryptioncontextkeys', keys)

  for (const key of keys) set(`kms:encryptioncontext:${key.toLowerCase()}`, pairs[key])
}
