import type { RollingProgress } from '../../api/types.js';

/**
 * One line of rolling-restart progress: `web-2 restarting`, `web-2 failed: …`, and `web: rolling
 * restart done` for the app (instance -1). The app's own failure is left to the error line.
 */
export function formatRollingStep(app: string, step: RollingProgress): string | undefined {
  if (step.instance < 0) return step.phase === 'done' ? `${app}: rolling restart done` : undefined;
  return `${app}-${step.instance} ${step.phase}${step.detail ? `: ${step.detail}` : ''}`;
}
