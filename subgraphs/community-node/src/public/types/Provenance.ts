import { Field, ObjectType } from 'type-graphql';
import { contentFieldsShownAs } from '../../content/fields';
import { withContentFields } from '../../graphql/content-fields';

@ObjectType({ description: 'Who made a version, and whether AI assisted and which human reviewed it.' })
export class Provenance extends withContentFields(class {}, contentFieldsShownAs('provenance')) {
  @Field(() => String, { nullable: true, description: 'The named human reviewer of this version.' })
  reviewer!: string | null;
}
