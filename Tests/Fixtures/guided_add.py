"""Drives `fmadd --category …` in a real pseudo-terminal, as a contributor would type.

    python guided_add.py FMADD REPOSITORY SERVICES CACHE

SERVICES is the address of a loopback server answering as arXiv and Crossref; CACHE a folder for
their answers.

Exits non-zero (pexpect raises) when a prompt or a message does not come.
"""
import os
import sys
import time

import pexpect

fmadd, repository, services, cache = sys.argv[1:5]
env = dict(os.environ, NO_COLOR="1", FMADD_ARXIV_API=services + "/api/query", FMADD_CROSSREF_API=services, XDG_CACHE_HOME=cache)


def spawn(*arguments):
    return pexpect.spawn(fmadd, list(arguments), cwd=repository, env=env, encoding="utf-8", timeout=30)


# A paper in MFM: a rejected answer, a duplicate warning, a new year group.
child = spawn("--category", "mfm", "--no-commit")
child.expect("Paper link: ")
child.sendline("https://arxiv.org/abs/2503.00001")
child.expect("arXiv has no paper 2503.00001")
child.expect("Title: ")
child.sendline("Bad ](title)")
child.expect(r'title: must not contain "\]\(" \(Markdown link syntax\)')
child.expect("Title: ")
child.sendline("Towards a general-purpose foundation model for computational pathology.")
child.expect(r"Code link \(optional\): ")
child.sendline("")
child.expect(r"Venue \[arXiv\]: ")
child.sendline("Nature Medicine")
child.expect(r"Year \[2025\]: ")
child.sendline("")
child.expect("Already in the list at line 149")
child.expect(r"Add it anyway\? \[y/N\]")
child.sendline("y")
child.expect(r"It will be written on line 273, in MFM methods, 2025 \(a new year group\):")
child.expect(r"Write it\? \[Y/n\]")
child.sendline("")
child.expect("Added to README.md:273")
child.expect(pexpect.EOF)
child.close()
assert child.exitstatus == 0, child.exitstatus

# A dataset row in VFM datasets.
child = spawn("--category", "vfm-data", "--no-commit")
child.expect("Name: ")
child.sendline("NewScans")
child.expect(r"Paper \(optional\): ")
child.sendline("https://example.org/newscans-paper")
child.expect(r"Link \(optional\): ")
child.sendline("https://example.org/newscans")
child.expect("Modality: ")
child.sendline("3D CT")
child.expect(r"Scale \(optional\): ")
child.sendline("120 volumes")
child.expect("Task: ")
child.sendline("Segmentation")
child.expect(r"Write it\? \[Y/n\]")
child.sendline("y")
child.expect("Added to README.md")
child.expect(pexpect.EOF)
child.close()
assert child.exitstatus == 0, child.exitstatus

# Ctrl-C at a prompt leaves the list as it was.
with open(os.path.join(repository, "README.md"), "rb") as f:
    before = f.read()
child = spawn("--category", "vfm", "--no-commit")
child.expect("Paper link: ")
child.sendline("example.org/interrupted")
child.expect("Title: ")
time.sleep(0.5)  # a person takes a moment before giving up
child.sendintr()
child.expect(pexpect.EOF)
child.close()
assert child.signalstatus == 2 or child.exitstatus != 0, (child.exitstatus, child.signalstatus)
with open(os.path.join(repository, "README.md"), "rb") as f:
    assert f.read() == before, "Ctrl-C changed the list"

# End of input at a prompt leaves the list as it was.
child = spawn("--category", "lfm", "--no-commit")
child.expect("Paper link: ")
child.sendeof()
child.expect("nothing was added")
child.expect(pexpect.EOF)
child.close()
assert child.exitstatus == 1, child.exitstatus
print("guided add: ok")
