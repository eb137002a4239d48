import { ArrayMaxSize, IsUrl, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { Field, InputType, ObjectType, type ClassType } from 'type-graphql';
import type { ContentField, ContentFieldName, ContentFields } from '../content/fields';
import { ArtifactKind } from './enums';

/**
 * type-graphql fields made from the content table, in its order, for the admin and public types
 * that show content. Mixins (type-graphql's way to share fields) keep each type's own fields before
 * and after the content where its SDL has them.
 */

const NOT_BLANK = /\S/;

type PropertyDecorator = (prototype: object, name: string) => void;

function graphqlType(field: ContentField) {
  if (field.value === 'kind') return () => ArtifactKind;
  if (field.value === 'list') return () => [String];
  if (field.value === 'flag') return () => Boolean;
  return () => String;
}

/** Applies decorators to a property in the order TypeScript applies a stack of them: bottom first. */
function decorate(prototype: object, name: string, decorators: PropertyDecorator[]): void {
  for (const decorator of [...decorators].reverse()) decorator(prototype, name);
}

/** `Base` with the given content fields after its own, as an abstract object type. */
export function withContentFields<B extends ClassType, K extends ContentFieldName>(
  Base: B,
  fields: readonly ContentField<K>[],
) {
  // A base: no schema field names it, so no schema emits it.
  @ObjectType()
  class ContentObject extends Base {}
  for (const field of fields) {
    Field(graphqlType(field), { nullable: field.nullable })(ContentObject.prototype, field.name);
  }
  return ContentObject as B & ClassType<Pick<ContentFields, K>>;
}

/** The checks an input value of a field must pass, from its limits. */
function validation(field: ContentField): PropertyDecorator[] {
  const { name, maxLength = Number.MAX_SAFE_INTEGER } = field;
  const notBlank = (each: boolean) => Matches(NOT_BLANK, { each, message: `${name} must not be blank` });
  if (field.value === 'list') {
    return [
      ArrayMaxSize(field.maxItems ?? Number.MAX_SAFE_INTEGER),
      Length(1, maxLength, { each: true }),
      ...(field.notBlank ? [notBlank(true)] : []),
    ];
  }
  if (field.value === 'kind' || field.value === 'flag') return [];
  if (field.notBlank) return [Length(1, maxLength), notBlank(false)];
  if (field.url) {
    return [
      ValidateIf((input: Record<string, unknown>) => input[name] !== undefined && input[name] !== ''),
      IsUrl({ require_protocol: true, protocols: ['http', 'https'] }),
      MaxLength(maxLength),
    ];
  }
  return [MaxLength(maxLength)];
}

/** An abstract input type of every given content field, each optional and checked against its limits. */
export function contentInputType<K extends ContentFieldName>(fields: readonly ContentField<K>[]) {
  // A base: no schema field names it, so no schema emits it.
  @InputType()
  class ContentInput {}
  for (const field of fields) {
    decorate(ContentInput.prototype, field.name, [
      Field(graphqlType(field), { nullable: true, description: field.description }),
      ...validation(field),
    ]);
  }
  return ContentInput as ClassType<Partial<ContentFields>>;
}

/** `Base`, a content input, with the fields a new artifact must be given made required. */
export function withRequiredContentFields<B extends ClassType, K extends ContentFieldName>(
  Base: B,
  fields: readonly ContentField<K>[],
) {
  // A base: no schema field names it, so no schema emits it.
  @InputType()
  class RequiredContent extends Base {}
  for (const field of fields) Field(graphqlType(field))(RequiredContent.prototype, field.name);
  return RequiredContent as B & ClassType<Pick<ContentFields, K>>;
}
