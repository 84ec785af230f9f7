#!/usr/bin/env node
import { startDaemon } from '../daemon/start-daemon.js';
import { restoreSavedEnv } from '../lib/saved-env.js';

// spawnDaemon moved NODE_EXTRA_CA_CERTS aside so node skipped the root store; apps and scripts get it back.
restoreSavedEnv(process.env);
// No top-level await: the build bundles this entry into CommonJS (scripts/bundle-daemon.mjs).
void startDaemon(process.env);
