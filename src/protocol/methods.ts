/** The SupervisorApi and DaemonControl calls served over the socket, by wire name. */
export const API_METHODS = [
  'info',
  'listProcesses',
  'start',
  'startApps',
  'stop',
  'restart',
  'abortRolling',
  'reload',
  'autoscale',
  'delete',
  'scale',
  'describe',
  'stats',
  'logs',
  'save',
  'resurrect',
  'kill',
] as const;

/** Calls the connection itself answers: the handshake, the liveness check and subscriptions. */
export const SESSION_METHODS = ['hello', 'ping', 'subscribe', 'unsubscribe'] as const;

export type ApiMethod = (typeof API_METHODS)[number];
export type SessionMethod = (typeof SESSION_METHODS)[number];
export type Method = ApiMethod | SessionMethod;

const ALL = new Set<string>([...API_METHODS, ...SESSION_METHODS]);

export function isMethod(name: string): name is Method {
  return ALL.has(name);
}
