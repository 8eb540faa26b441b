import type { CallScope } from '../call-scope'
import { KmsError, fieldError } from '../kms-error'
import { authorizeKeyOperation, required } from './common'

/** A key tag as KMS takes and returns it. */
export type Tag = { readonly TagKey: string; readonly TagValue: string }

export type TagResourceRequest = { readonly KeyId: string; readonly Tags: readonly Tag[] }
export type UntagResourceRequest = { readonly KeyId: string; readonly TagKeys: readonly string[] }
export type ListResourceTagsRequest = {
  readonly KeyId: string
  readonly Limit?: number
  readonly Marker?: string
}
export type ListResourceTagsResponse = {
  readonly Tags: readonly Tag[]
  readonly Truncated: boolean
}

/** TagResource: adds tags to a key, replacing the value of a key already present. */
export function tagResource(scope: CallScope, input: TagResourceRequest): Record<string, never> {
  const tags = required(input.Tags, 'Tags')
  validateTags(tags)
  const context = requestTagContext(tags)
  const request = { operation: 'TagResource', keyId: input.KeyId, context }
  const key = authorizeKeyOperation(scope, request)

  scope.update((draft) => {
    const target = draft.keys[key.keyId]!
    for (const tag of tags) target.tags[tag.TagKey] = tag.TagValue
  })

  return {}
}

/** UntagResource: removes tags by key; removing an absent tag is not an error. */
export function untagResource(
  scope: CallScope,
  input: UntagResourceRequest,
): Record<string, never> {
  const tagKeys = required(input.TagKeys, 'TagKeys')
  const context = { 'aws:TagKeys': tagKeys }
  const request = { operation: 'UntagResource', keyId: input.KeyId, context }
  const key = authorizeKeyOperation(scope, request)

  scope.update((draft) => {
    const target = draft.keys[key.keyId]!
    for (const tagKey of tagKeys) delete target.tags[tagKey]
  })

  return {}
}

/** ListResourceTags: the key's tags, in the order they were added. */
export function listResourceTags(
  scope: CallScope,
  input: ListResourceTagsRequest,
): ListResourceTagsResponse {
  const key = authorizeKeyOperation(scope, { operation: 'ListResourceTags', keyId: input.KeyId })
  const tags = Object.entries(key.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue }))

  return { Tags: tags, Truncated: false }
}

/**
 * Throws unless every tag fits KMS's limits: keys of 1 to 128 characters,
 * values up to 256, and no key starting with the reserved `aws:` prefix.
 */
export function validateTags(tags: readonly Tag[]): void {
  tags.forEach((tag, index) => {
    const at = `tags.${index + 1}.member`

    // Guard: a tag key has 1 to 128 characters and a tag value at most 256.
    if (tag.TagKey.length < 1 || tag.TagKey.length > 128) {
      throw fieldError(
        `${at}.tagKey`,
        'Member must have length less than or equal to 128',
        tag.TagKey,
      )
    }

    if (tag.TagValue.length > 256) {
      throw fieldError(
        `${at}.tagValue`,
        'Member must have length less than or equal to 256',
        tag.TagValue,
      )
    }

    // Guard: tag keys beginning with aws: are reserved for AWS.
    if (tag.TagKey.toLowerCase().startsWith('aws:')) {
      throw new KmsError('TagException', 'Tags beginning with aws: are reserved')
    }
  })
}

/** The aws:RequestTag/… and aws:TagKeys condition keys of a request that adds tags. */
export function requestTagContext(
  tags: readonly Tag[],
): Readonly<Record<string, string | readonly string[]>> {
  if (tags.length === 0) return {}

  const entries = tags.map((tag) => [`aws:RequestTag/${tag.TagKey}`, tag.TagValue] as const)

  return { ...Object.fromEntries(entries), 'aws:TagKeys': tags.map((tag) => tag.TagKey) }
}
