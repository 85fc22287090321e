#!/bin/sh
# Print the path of a Python >= 3.12 interpreter, or fail with a one-line message.
# Looks at $PYTHON, then python3.12/python3.13 on PATH, then pyenv's versions, then python3.
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }
for cand in "${PYTHON:-}" python3.12 python3.13; do
    [ -n "$cand" ] || continue
    path=$(command -v "$cand" 2>/dev/null) || continue
    # pyenv shims answer for versions that are not active: test that they really run.
    if ok "$path"; then echo "$path"; exit 0; fi
done
root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
for dir in $(ls -d "$root"/versions/3.12* "$root"/versions/3.1[3-9]* 2>/dev/null); do
    if [ -x "$dir/bin/python3" ] && ok "$dir/bin/python3"; then echo "$dir/bin/python3"; exit 0; fi
done
if command -v python3 >/dev/null 2>&1 && ok "$(command -v python3)"; then command -v python3; exit 0; fi
echo "find-python: no Python >= 3.12 found (tried \$PYTHON, python3.13, python3.12, pyenv versions, python3); install one or set PYTHON=/path/to/python3.12" >&2
exit 1
