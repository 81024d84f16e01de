/// The pre-commit hook that `fmadd hook install` writes; `Hooks/pre-commit` holds the same text
/// (a test keeps the two equal).
public enum PreCommitHook {
    public static let script = #"""
    #!/bin/sh
    # fmadd-hook
    # Checks the curated lists as they are staged for this commit (the index, not the work tree),
    # with the rules of fmadd: every list the repository configures (each .fmadd.yml names its
    # own, README.md at the top), wherever it lives. The commit is stopped by errors on the lines
    # it adds or changes, so a list with older problems can still be worked on, and by a staged
    # list that cannot be read (not UTF-8: the message names the byte offset).
    # Installed by `fmadd hook install`; `fmadd hook uninstall` removes it.

    if ! command -v fmadd >/dev/null 2>&1; then
        echo "fmadd: not found on PATH, so the list was not checked." >&2
        echo "fmadd: install it (see its README: bash .ci/setup, then put .build/release/fmadd on PATH)." >&2
        exit 0
    fi

    fmadd check --staged
    status=$?
    case $status in
        0) exit 0 ;;
        1)
            echo "" >&2
            echo "fmadd: this commit adds errors to the list, or a staged list cannot be read; it was not made." >&2
            echo "fmadd: fix them (\`fmadd fix\` fixes many), \`git add\` the list, and commit again;" >&2
            echo "fmadd: or skip this check once with \`git commit --no-verify\`." >&2
            exit 1
            ;;
        *)
            # fmadd itself failed (exit 2: no repository, a git error; or it crashed): that is no
            # fault of the list, so, as when fmadd is missing, the commit is not held up.
            echo "fmadd: could not check the list (fmadd exited with $status); the commit goes on." >&2
            exit 0
            ;;
    esac

    """#
}
