"""Every line of the package that a lesson wrote is at most 110 characters.

Left out, because nbdev writes them and wraps them itself: the module docstring (the lesson's `>` summary),
the `__all__` list (nbdev wraps it at 120) and `_modidx.py`."""
import sys
from pathlib import Path

WIDTH = 110

def long_lines(path: Path) -> list:
    "(line number, length) of the lines over WIDTH that a notebook cell wrote."
    lines, out, in_all = path.read_text().split('\n'), [], False
    for i, line in enumerate(lines, 1):
        if line.startswith('__all__'): in_all = True
        elif in_all and not line.startswith(' '): in_all = False
        if i <= 2 and line.startswith('"""') or in_all: continue
        if len(line) > WIDTH: out.append((i, len(line)))
    return out

if __name__ == '__main__':
    bad = [(p, i, n) for p in sorted(Path('miniclip').glob('*.py')) if p.name != '_modidx.py'
           for i, n in long_lines(p)]
    for p, i, n in bad: print(f"{p}:{i}: {n} characters (at most {WIDTH}; wrap it in the notebook, then nbdev_export)")
    print(f"{len(bad)} lines over {WIDTH} characters" if bad else f"every line is at most {WIDTH} characters")
    sys.exit(1 if bad else 0)
