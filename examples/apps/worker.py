#!/usr/bin/env python3
"""A background worker for the examples: one heartbeat line per second, clean exit on SIGTERM."""
import os
import signal
import sys
import time

instance = os.environ.get("INSTANCE_ID") or os.environ.get("NODE_APP_INSTANCE", "0")
role = os.environ.get("ROLE", "worker")
app = os.environ.get("PMDAEMON_APP", "worker")


def stop(signum, _frame):
    print(f"{app}-{instance} received {signal.Signals(signum).name}, exiting", flush=True)
    # Exit from the handler: waiting out the current sleep would slow every stop by up to 1 s.
    sys.exit(0)


signal.signal(signal.SIGTERM, stop)
signal.signal(signal.SIGINT, stop)

print(f"{app}-{instance} started (pid {os.getpid()}, role {role})", flush=True)
beats = 0
while True:
    beats += 1
    # flush: stdout is a pipe under pmdaemon, and block buffering would hide the heartbeats.
    print(f"{time.strftime('%H:%M:%S')} {app}-{instance} role={role} heartbeat {beats}", flush=True)
    time.sleep(1)
