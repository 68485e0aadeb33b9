/**
 * What each API method does, written against the services, one file per namespace.
 * Inputs arrive already validated by `dispatch`; handlers only call services and
 * announce changes. The type below makes a missing method a compile error.
 */
import { systemHandlers } from './system';
import { projectHandlers } from './projects';
import { recordingHandlers } from './recordings';
import { consentHandlers } from './consent';
import { reviewHandlers } from './review';
import { libraryHandlers } from './library';
import { editingHandlers } from './editing';
import { exportHandlers } from './exports';
import { packHandlers } from './packs';
import { settingsHandlers } from './settings';
import { retentionHandlers } from './retention';
import { faceHandlers } from './faces';
import type { Handlers } from './handlerTable';

export const apiHandlers: Handlers = {
  ...systemHandlers,
  ...projectHandlers,
  ...recordingHandlers,
  ...consentHandlers,
  ...reviewHandlers,
  ...libraryHandlers,
  ...editingHandlers,
  ...exportHandlers,
  ...packHandlers,
  ...settingsHandlers,
  ...retentionHandlers,
  ...faceHandlers,
};
