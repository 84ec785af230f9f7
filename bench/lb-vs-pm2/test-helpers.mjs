// The test helpers this bench drives (a private nginx, the HTTP load, /proc scans), compiled once on
// first import so every module of the bench shares one copy.
import { loadTestHelpers } from '../lib/test-helpers.mjs';

export const [{ nginxBinary, startNginx }, { startLoad }, { liveChildren }] = await loadTestHelpers(['nginx.ts', 'http-load.ts', 'proc-children.ts']);
