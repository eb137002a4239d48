import { Embeddable, Enum, Property } from '@mikro-orm/core';
import { ArtifactKind } from './enums';

/** What an artifact says: edited freely in a draft, frozen in each published version. */
@Embeddable()
export class ArtifactContent {
  @Enum({ items: () => ArtifactKind, nativeEnumName: 'artifact_kind' })
  kind!: ArtifactKind;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  summary: string = '';

  @Property({ type: 'text' })
  body: string = '';

  @Property({ type: 'text[]' })
  tags: string[] = [];

  /** SPDX expression; may be empty while drafting, required to publish. */
  @Property({ type: 'string', length: 200, nullable: true })
  licence?: string | null;

  @Property({ type: 'text', nullable: true })
  attribution?: string | null;

  @Property({ type: 'text[]' })
  authors: string[] = [];

  @Property({ type: 'boolean' })
  aiAssisted: boolean = false;

  @Property({ type: 'text', nullable: true })
  aiTools?: string | null;

  @Property({ type: 'text', nullable: true })
  mediaUrl?: string | null;
}
