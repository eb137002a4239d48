import { Field, ObjectType, type ClassType } from 'type-graphql';
import { contentFieldsShownAs } from '../../content/fields';
import { withContentFields } from '../../graphql/content-fields';
import { Licence } from './Licence';
import { Provenance } from './Provenance';

/**
 * `Base` followed by what a published version says: the content fields shown as themselves, then its
 * licence described from the licence table, its attribution (required to publish) and its provenance.
 */
export function withPublishedContent<B extends ClassType>(Base: B) {
  // A base: no schema field names it, so no schema emits it.
  @ObjectType()
  class PublishedContent extends withContentFields(Base, contentFieldsShownAs('itself')) {
    @Field(() => Licence)
    licence!: Licence;

    @Field()
    attribution!: string;

    @Field(() => Provenance)
    provenance!: Provenance;
  }
  return PublishedContent;
}
