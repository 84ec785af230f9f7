/** Where the sh half of the bin (launcher.sh) keeps the user's NODE_EXTRA_CA_CERTS while node starts for ping and list --json. */
export const SAVED_EXTRA_CA_CERTS = 'PMDAEMON_SAVED_NODE_EXTRA_CA_CERTS';

/** Puts back what launcher.sh moved aside, so the full CLI, and every daemon and app it starts, sees the user's environment. */
export function restoreSavedEnv(env: NodeJS.ProcessEnv): void {
  const saved = env[SAVED_EXTRA_CA_CERTS];
  // launcher.sh never moves a variable over one that is set: then both are the user's own.
  if (saved === undefined || env.NODE_EXTRA_CA_CERTS !== undefined) return;
  env.NODE_EXTRA_CA_CERTS = saved;
  delete env[SAVED_EXTRA_CA_CERTS];
}
