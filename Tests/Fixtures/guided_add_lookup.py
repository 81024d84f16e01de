"""Drives the guided add in a real pseudo-terminal with a paper looked up from its arXiv id.

    python guided_add_lookup.py FMADD REPOSITORY SERVICES CACHE ID TITLE YEAR

SERVICES answers as arXiv; TITLE and YEAR are what its feed says of ID. Typing the bare id at
"Paper link" must offer the title, the venue and the year as defaults, each taken with Enter.
"""
import os
import re
import sys

import pexpect

fmadd, repository, services, cache, arxiv_id, title, year = sys.argv[1:8]
env = dict(os.environ, NO_COLOR="1", FMADD_ARXIV_API=services + "/api/query", FMADD_CROSSREF_API=services, XDG_CACHE_HOME=cache)

child = pexpect.spawn(fmadd, ["--category", "vfm", "--no-commit"], cwd=repository, env=env, encoding="utf-8", timeout=30)
child.expect("Paper link: ")
child.sendline(arxiv_id)
child.expect("Found on arXiv")
child.expect(re.escape("Title [" + title + "]: "))
child.sendline("")
child.expect(r"Code link \(optional\): ")
child.sendline("")
child.expect(re.escape("Venue [arXiv]: "))
child.sendline("")
child.expect(re.escape("Year [" + year + "]: "))
child.sendline("")
child.expect(r"Write it\? \[Y/n\]")
child.sendline("")
child.expect("Added to README.md")
child.expect(pexpect.EOF)
child.close()
assert child.exitstatus == 0, child.exitstatus
print("guided add with a look-up: ok")
