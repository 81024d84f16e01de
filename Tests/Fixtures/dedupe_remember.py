"""Drives `fmadd dedupe --interactive` in a real pseudo-terminal and answers "remember" (r) to
every cluster.

    python dedupe_remember.py FMADD FOLDER
"""
import os
import sys

import pexpect

fmadd, folder = sys.argv[1], sys.argv[2]
child = pexpect.spawn(fmadd, ["dedupe", "--interactive", "README.md"], cwd=folder,
                      env=dict(os.environ, NO_COLOR="1"), encoding="utf-8", timeout=30)
while child.expect([r"\? \[k\]: ", "Remembered"]) == 0:
    child.sendline("r")
child.expect(pexpect.EOF)
child.close()
# Remembering is not merging: the run still exits 1 for the duplicate it found.
print("remembered: exit %d" % child.exitstatus)
