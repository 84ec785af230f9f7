import type { AppSpec, AutoscaleSpec } from '../config/spec.js';
import type { DaemonControl, LogQuery, ReloadOptions, RestartOptions, SupervisorApi, Target } from '../api/types.js';
import type { ApiMethod } from '../protocol/methods.js';

/** Calls the API method a request names; `params` have been shape-checked by checkParams. */
export async function callApi(api: SupervisorApi, control: DaemonControl, method: ApiMethod, params: readonly unknown[]): Promise<unknown> {
  const [a, b, c] = params;
  switch (method) {
    case 'info':
      return api.info();
    case 'listProcesses':
      return api.listProcesses();
    case 'start':
      return api.start(a as AppSpec[]);
    case 'startApps':
      return api.startApps(a as Target);
    case 'stop':
      return api.stop(a as Target);
    case 'restart':
      return api.restart(a as Target, (b ?? undefined) as RestartOptions | undefined);
    case 'abortRolling':
      return api.abortRolling(a as string);
    case 'reload':
      return api.reload(a as string, (b ?? undefined) as ReloadOptions | undefined);
    case 'autoscale':
      return api.autoscale(a as string, (b ?? null) as AutoscaleSpec | null);
    case 'delete':
      return api.delete(a as Target);
    case 'scale':
      return api.scale(a as string, b as number, (c ?? undefined) as { relative?: boolean } | undefined);
    case 'describe':
      return api.describe(a as Target);
    case 'stats':
      return api.stats(a as string);
    case 'logs':
      return api.logs(a as LogQuery);
    case 'save':
      return control.save();
    case 'resurrect':
      return control.resurrect();
    case 'kill':
      return control.kill();
    default:
      return unreachable(method);
  }
}

function unreachable(method: never): never {
  throw new Error(`no handler for method ${String(method)}`);
}
