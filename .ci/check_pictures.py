"""Every lesson cell that draws stores its picture: a code cell that calls a plotting function must have an image/png output.

Run on the committed notebooks (their stored outputs are what GitHub shows). Definitions (`#| export` cells) and cells
marked `#| eval: false` are not drawings; a cell that says "picture only with ..." draws only given what it names."""
import json, re, sys
from pathlib import Path

DRAWS = re.compile(r'\b(plot_\w+|show_batch|imshow|plt\.\w+|\.plot(\.\w+)?)\(')

def missing(path: Path) -> list:
    out = []
    for i, c in enumerate(json.loads(path.read_text())['cells']):
        src = ''.join(c['source'])
        if c['cell_type'] != 'code' or re.search(r'^#\|\s*(export|eval:\s*false)', src, re.M): continue
        code = '\n'.join(l.split('#')[0] for l in src.splitlines())            # calls in comments do not count
        if not DRAWS.search(code) or 'picture only with' in src: continue      # e.g. downloaded weights only
        if not any('image/png' in o.get('data', {}) for o in c.get('outputs', [])): out.append(i)
    return out

def main() -> int:
    bad = {p.name: m for p in sorted(Path('nbs').glob('[0-9][0-9]*_*.ipynb')) if (m := missing(p))}
    for name, cells in bad.items(): print(f"FAIL: {name}: cell(s) {cells} draw but store no picture (re-run the notebook)")
    print(f"pictures: {'all stored' if not bad else f'{sum(map(len, bad.values()))} missing'}")
    return 1 if bad else 0

if __name__ == '__main__': sys.exit(main())
