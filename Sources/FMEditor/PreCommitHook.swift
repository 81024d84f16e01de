/// The pre-commit hook that `fmadd hook install` writes; `Hooks/pre-commit` holds the same text
/// (a test keeps the two equal).
public enum PreCommitHook {
    public static let script = #"""
    #!/bin/sh
    # fmadd-hook
    # Checks the curated list as it is staged for this commit (the index, not the work tree),
    # with the rules of fmadd: the commit is stopped only by errors on the lines it adds or
    # changes, so a list with older problems can still be worked on.
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
            echo "fmadd: this commit adds errors to the list; it was not made." >&2
            echo "fmadd: fix them (\`fmadd fix\` fixes many), \`git add\` the list, and commit again;" >&2
            echo "fmadd: or skip this check once with \`git commit --no-verify\`." >&2
            exit 1
            ;;
        *)
            echo "fmadd: the list could not be checked (exit $status); the commit goes on." >&2
            exit 0
            ;;
    esac

    """#
}
