import nodePath from 'node:path';

/** The stdout and stderr log files of one instance. */
export interface LogPaths {
  out: string;
  err: string;
}

/** The directory holding every log file under `$PMDAEMON_HOME`. */
export function logsDir(home: string): string {
  return nodePath.join(home, 'logs');
}

/** `logs/<app>-<id>-out.log` / `-err.log`, or with merge_logs one `<app>-out.log` pair shared by all instances. */
export function logPaths(home: string, app: string, id: number, mergeLogs: boolean): LogPaths {
  const stem = mergeLogs ? app : `${app}-${id}`;
  // App names hold no path separator: concatenating gives what join would, without normalizing each path.
  const dir = logsDir(home) + nodePath.sep;
  return { out: `${dir}${stem}-out.log`, err: `${dir}${stem}-err.log` };
}
