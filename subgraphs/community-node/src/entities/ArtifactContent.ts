import { Embeddable, Enum, Property } from '@mikro-orm/core';
import { CONTENT_FIELDS, emptyValue, type ContentField, type ContentFields } from '../content/fields';
import { ArtifactKind } from './enums';

/** The MikroORM mapping of one content field: its column type, length and nullability. */
function mapping(field: ContentField) {
  if (field.value === 'kind') return Enum({ items: () => ArtifactKind, nativeEnumName: 'artifact_kind' });
  const nullable = field.nullable ?? false;
  if (field.value === 'string') return Property({ type: 'string', length: field.maxLength, nullable });
  if (field.value === 'list') return Property({ type: 'text[]', nullable });
  if (field.value === 'flag') return Property({ type: 'boolean', nullable });
  return Property({ type: 'text', nullable });
}

/**
 * What an artifact says: edited freely in a draft, frozen in each published version. Its columns are
 * mapped from CONTENT_FIELDS (the one declaration of the content), so the class names no field itself.
 */
const ArtifactContentClass = class ArtifactContent {
  constructor() {
    // Also MikroORM's source of column defaults: it reads them off a new instance.
    for (const field of CONTENT_FIELDS) {
      const empty = emptyValue(field);
      if (empty !== undefined) (this as Record<string, unknown>)[field.name] = empty;
    }
  }
};
for (const field of CONTENT_FIELDS) mapping(field)(ArtifactContentClass.prototype, field.name);
Embeddable()(ArtifactContentClass);

export const ArtifactContent = ArtifactContentClass as new () => ContentFields;
export type ArtifactContent = ContentFields;
