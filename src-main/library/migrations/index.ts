/**
 * Every schema migration in order, one file each. Never edit a shipped migration: add
 * the next number in a new file and list it here.
 */
import type { Migration } from './migration';
import { migration001 } from './001-core';
import { migration002 } from './002-recordings';
import { migration003 } from './003-consent';
import { migration004 } from './004-review';
import { migration005 } from './005-editing';
import { migration006 } from './006-search';
import { migration007 } from './007-stable-ids';
import { migration008 } from './008-erasure-journal';
import { migration010 } from './010-consent-law';
import { migration012 } from './012-clip-people';
import { migration013 } from './013-export-recipients';
import { migration014 } from './014-person-names';
import { migration015 } from './015-quotes-and-face-checks';
import { migration016 } from './016-import-warning';
import { migration017 } from './017-retention';
import { migration018 } from './018-review-cut-out';
import { migration022 } from './022-comment-windows';
import { migration023 } from './023-screen-signatures';
import { migration019 } from './019-face-tracks';

export type { Migration } from './migration';

export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration010,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
  migration019,
  migration022,
  migration023,
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
