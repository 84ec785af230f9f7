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
  const dir = logsDir(home);
  return { out: nodePath.join(dir, `${stem}-out.log`), err: nodePath.join(dir, `${stem}-err.log`) };
}
