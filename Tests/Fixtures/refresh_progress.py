"""Runs `fmadd refresh` in a real pseudo-terminal: the progress is a bar with the count.

    python refresh_progress.py FMADD REPOSITORY SERVICES CACHE COUNT

COUNT is how many preprints the list holds.
"""
import os
import re
import sys

import pexpect

fmadd, repository, services, cache, count = sys.argv[1:6]
env = dict(os.environ, NO_COLOR="1", FMADD_ARXIV_API=services + "/api/query", FMADD_CROSSREF_API=services, XDG_CACHE_HOME=cache)
child = pexpect.spawn(fmadd, ["refresh"], cwd=repository, env=env, encoding="utf-8", timeout=60)
child.expect(re.escape("checking README.md [") + r"#* *\] 0/" + count)
child.expect(re.escape("checking README.md [" + "#" * 30 + "] " + count + "/" + count) + r" ETA \d+:\d\d")
child.expect(pexpect.EOF)
child.close()
print("refresh progress: ok")
