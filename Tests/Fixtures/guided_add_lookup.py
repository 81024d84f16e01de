"""Drives the guided add in a real pseudo-terminal with a paper looked up from its arXiv id.

    python guided_add_lookup.py FMADD REPOSITORY SERVICES CACHE ID TITLE YEAR DOI DOI_TITLE DOI_VENUE DOI_YEAR

SERVICES answers as arXiv and Crossref; TITLE and YEAR are what arXiv's feed says of ID, DOI_TITLE
and DOI_YEAR what Crossref says of DOI, DOI_VENUE its journal as the list spells it. Typing the
bare id, then the DOI, at "Paper link" must offer the title, the venue and the year as defaults,
each taken with Enter.
"""
import os
import re
import sys

import pexpect

fmadd, repository, services, cache, arxiv_id, title, year, doi, doi_title, doi_venue, doi_year = sys.argv[1:12]
env = dict(os.environ, NO_COLOR="1", FMADD_ARXIV_API=services + "/api/query", FMADD_CROSSREF_API=services, XDG_CACHE_HOME=cache)

for typed, service, expected_title, venue, expected_year in [(arxiv_id, "arXiv", title, "arXiv", year),
                                                              (doi, "Crossref", doi_title, doi_venue, doi_year)]:
    child = pexpect.spawn(fmadd, ["--category", "vfm", "--no-commit"], cwd=repository, env=env, encoding="utf-8", timeout=30)
    child.expect("Paper link: ")
    child.sendline(typed)
    child.expect("Found on " + service)
    child.expect(re.escape("Title [" + expected_title + "]: "))
    child.sendline("")
    child.expect(r"Code link \(optional\): ")
    child.sendline("")
    child.expect(re.escape("Venue [" + venue + "]: "))
    child.sendline("")
    child.expect(re.escape("Year [" + expected_year + "]: "))
    child.sendline("")
    child.expect(r"Write it\? \[Y/n\]")
    child.sendline("")
    child.expect("Added to README.md")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.exitstatus
print("guided add with a look-up: ok")
