#!/usr/bin/env node
import { startDaemon } from '../daemon/start-daemon.js';

await startDaemon(process.env);
