// The ARN and identifier shapes KMS and IAM use.
// Docs: KMS Developer Guide › Key identifiers (KeyId)

/** The key ARN of a key ID in an account and Region. */
export function keyArnOf(region: string, account: string, keyId: string): string {
  return `arn:aws:kms:${region}:${account}:key/${keyId}`
}

/** The alias ARN of an alias name (`alias/x`) in an account and Region. */
export function aliasArnOf(region: string, account: string, aliasName: string): string {
  return `arn:aws:kms:${region}:${account}:${aliasName}`
}

/** The account principal ARN, which the console and IssuingAccount use. */
export function rootArnOf(account: string): string {
  return `arn:aws:iam::${account}:root`
}

/** The session ARN a role's calls carry: sessions drop the role's path. */
export function sessionArnOf(account: string, roleName: string, session: string): string {
  return `arn:aws:sts::${account}:assumed-role/${roleName}/${session}`
}

/** An IAM user or role ARN, with its path (`/` when none). */
export function iamArnOf(
  account: string,
  kind: 'user' | 'role',
  path: string,
  name: string,
): string {
  return `arn:aws:iam::${account}:${kind}${path}${name}`
}

/** How a KeyId parameter names a key. */
export type KeyIdentifier =
  | { readonly kind: 'key-id'; readonly keyId: string }
  | {
      readonly kind: 'key-arn'
      readonly region: string
      readonly account: string
      readonly keyId: string
    }
  | { readonly kind: 'alias-name'; readonly aliasName: string }
  | {
      readonly kind: 'alias-arn'
      readonly region: string
      readonly account: string
      readonly aliasName: string
    }
  | { readonly kind: 'invalid' }

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const keyIdPattern = new RegExp(`^(${uuid}|mrk-[0-9a-f]{32})$`)
const arnPattern = /^arn:aws[a-z-]*:kms:([^:]*):(\d{12}):(key\/.+|alias\/.+)$/

/** Reads a KeyId parameter: key ID, key ARN, alias name or alias ARN. Never throws. */
export function parseKeyIdentifier(value: string): KeyIdentifier {
  if (value.startsWith('alias/')) return { kind: 'alias-name', aliasName: value }
  if (keyIdPattern.test(value)) return { kind: 'key-id', keyId: value }

  const arn = arnPattern.exec(value)
  if (!arn) return { kind: 'invalid' }

  const [, region = '', account = '', resource = ''] = arn
  if (resource.startsWith('alias/')) {
    return { kind: 'alias-arn', region, account, aliasName: resource }
  }

  const keyId = resource.slice('key/'.length)

  if (!keyIdPattern.test(keyId)) return { kind: 'invalid' }

  return { kind: 'key-arn', region, account, keyId }
}

/** The account of a principal ARN or bare account ID; undefined for a service principal. */
export function accountOfPrincipal(principal: string): string | undefined {
  if (/^\d{12}$/.test(principal)) return principal

  return /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1]
}
