#!/usr/bin/env node
import { startDaemon } from '../daemon/start-daemon.js';

// No top-level await: the build bundles this entry into CommonJS (scripts/bundle-daemon.mjs).
void startDaemon(process.env);
