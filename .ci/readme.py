#!/usr/bin/env python
"""Make README.md from nbs/index.ipynb (nbdev_readme needs Quarto, which we do not use).

Markdown cells are copied; code cells become ```python blocks followed by their text output;
cells marked `#| hide` are left out and `#|` directive lines are dropped.
    python .ci/readme.py          # write README.md
    python .ci/readme.py --check  # exit 1 if README.md is not what index.ipynb makes
"""
import json, sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
HEADER = '<!-- Generated from nbs/index.ipynb by `python .ci/readme.py`: edit the notebook, not this file. -->\n\n'

def cell_text(cell):
    src = cell['source']
    return ''.join(src) if isinstance(src, list) else src

def output_text(cell):
    parts = []
    for out in cell.get('outputs', []):
        if out.get('output_type') == 'stream': parts.append(''.join(out['text']))
        elif 'text/plain' in out.get('data', {}) and 'image/png' not in out['data']:
            parts.append(''.join(out['data']['text/plain']) + '\n')
    return ''.join(parts).rstrip('\n')

def render(nb):
    chunks = []
    for cell in nb['cells']:
        text = cell_text(cell)
        if cell['cell_type'] == 'markdown': chunks.append(text.strip('\n')); continue
        if cell['cell_type'] != 'code': continue
        lines = text.splitlines()
        directives = [l for l in lines if l.startswith('#|')]
        if any(d.split()[1:2] == ['hide'] for d in directives): continue
        code = '\n'.join(l for l in lines if not l.startswith('#|')).strip('\n')
        if code: chunks.append(f'```python\n{code}\n```')
        out = output_text(cell)
        if out: chunks.append(f'```\n{out}\n```')
    return HEADER + '\n\n'.join(chunks) + '\n'

def main():
    text = render(json.loads((root / 'nbs' / 'index.ipynb').read_text(encoding='utf-8')))
    readme = root / 'README.md'
    if '--check' in sys.argv:
        if not readme.exists() or readme.read_text(encoding='utf-8') != text:
            sys.exit('README.md is out of date with nbs/index.ipynb: run `python .ci/readme.py` and commit it')
        print('README.md matches nbs/index.ipynb')
    else:
        readme.write_text(text, encoding='utf-8'); print(f'wrote {readme}')

if __name__ == '__main__': main()
