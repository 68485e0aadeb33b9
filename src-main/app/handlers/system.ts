/** System information and the crash-recovery notice. */
import type { SystemInfo } from '../../../src-shared/contract/schemas';
import { RECOVERY_SETTING } from '../../library/settingKeys';
import type { ApiContext } from '../context';
import type { HandlerTable } from './handlerTable';

function systemInfo(ctx: ApiContext): SystemInfo {
  const ffmpeg = ctx.ffmpeg();
  const recovery = ctx.library.settings.get(RECOVERY_SETTING);
  return {
    interrupted: recovery ? (JSON.parse(recovery) as { interrupted: SystemInfo['interrupted'] }).interrupted : [],
    appVersion: ctx.appVersion,
    schemaVersion: ctx.library.schemaVersion,
    libraryDir: ctx.library.dir,
    transport: ctx.transport,
    ffmpeg: { found: ffmpeg !== null, path: ffmpeg?.ffmpeg ?? null, source: ffmpeg?.source ?? null },
  };
}

export const systemHandlers = {
  'system.info': (_input, ctx) => systemInfo(ctx),
  'system.dismissRecovery': (_input, ctx) => {
    ctx.library.settings.set(RECOVERY_SETTING, null);
    return systemInfo(ctx);
  },
} satisfies HandlerTable;
