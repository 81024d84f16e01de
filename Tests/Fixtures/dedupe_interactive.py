"""Drives `fmadd dedupe --interactive` in a real pseudo-terminal: keep one pair and remember it,
merge another.

    python dedupe_interactive.py FMADD FOLDER
"""
import os
import sys

import pexpect

fmadd, folder = sys.argv[1], sys.argv[2]
child = pexpect.spawn(fmadd, ["dedupe", "--interactive", "README.md"], cwd=folder,
                      env=dict(os.environ, NO_COLOR="1"), encoding="utf-8", timeout=30)
child.expect(r"28~45: arxiv 2304\.06716")
child.expect(r"\? \[k\]: ")
child.sendline("m")
child.expect(r"29~48: subtitle")
child.expect(r"\? \[k\]: ")
child.sendline("k")
child.expect(r"33~49: code github\.com/mrgiovanni/modelsgenesis")
child.expect(r"\? \[k\]: ")
child.sendline("r")
child.expect("Remembered 1 pair")
child.expect("Merged 1 cluster")
child.expect(pexpect.EOF)
child.close()
assert child.exitstatus == 0, child.exitstatus
print("interactive dedupe: ok")
