"""No lesson's module imports a later lesson's module, and the package has no import cycles.

Reads every module's imports, also those inside functions (`from .x import y`, `import miniclip.x`, `import miniclip`
and the package's own lazy imports), and the lesson number of each module (its notebook's `#| default_exp`).
KNOWN would list forward imports allowed for now; it is empty."""
import ast, json, re, sys
from pathlib import Path

KNOWN: set = set()                # forward imports still to remove (none left)

def lesson_number(name: str) -> float:
    "'13_pretrained.ipynb' -> 13, '13a_formats.ipynb' -> 13.1: a lettered lesson comes right after its number."
    m = re.match(r'(\d\d)([a-z]?)_', name)
    return int(m.group(1)) + (ord(m.group(2)) - 96) / 10 if m.group(2) else int(m.group(1))

def lessons() -> dict:
    "module name -> lesson number, from the notebooks' default_exp."
    out = {}
    for f in sorted(Path('nbs').glob('[0-9][0-9]*_*.ipynb')):
        for c in json.loads(f.read_text())['cells']:
            m = re.search(r'#\|\s*default_exp\s+(\S+)', ''.join(c['source']))
            if m: out[m.group(1)] = lesson_number(f.name); break
    return out

def imports(path: Path, known: dict) -> set:
    "The miniclip modules `path` imports anywhere in it ('__init__' for the package itself)."
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom):
            mod = node.module or ''
            if node.level == 1: names = [mod] if mod else [a.name for a in node.names]
            elif mod == 'miniclip': names = [a.name for a in node.names]
            elif mod.startswith('miniclip.'): names = [mod.split('.')[1]]
            else: continue
            found |= {n if n in known else '__init__' for n in names}
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name == 'miniclip': found.add('__init__')
                elif a.name.startswith('miniclip.'): found.add(a.name.split('.')[1])
        elif isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant) \
                and getattr(node.func, 'id', getattr(node.func, 'attr', '')) in ('__import__', 'import_module') \
                and str(node.args[0].value).startswith('miniclip.'):
            found.add(str(node.args[0].value).split('.')[1])
    return found

def main() -> int:
    known = lessons()
    graph = {m: imports(Path('miniclip') / f'{m}.py', known) for m in known}
    package = imports(Path('miniclip/__init__.py'), known) - {'__init__'}      # what miniclip.load & co. import on use
    for m, deps in graph.items():
        if '__init__' in deps: graph[m] = (deps - {'__init__'}) | package
    problems = []
    for m, deps in sorted(graph.items(), key=lambda kv: known[kv[0]]):
        for d in sorted(deps - {m}):
            if known[d] > known[m] and (m, d) not in KNOWN:
                problems.append(f"{m} (lesson {known[m]:02d}) imports {d} (lesson {known[d]:02d}), a later lesson")
    edges = {m: {d for d in deps if d != m and (m, d) not in KNOWN} for m, deps in graph.items()}
    def cycle(start):
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for d in edges[node]:
                if d == start: return path + [d]
                if d not in path: stack.append((d, path + [d]))
    cycles = {tuple(sorted(c[:-1])): c for m in edges if (c := cycle(m))}
    problems += [f"import cycle: {' -> '.join(c)}" for c in cycles.values()]
    import subprocess
    for m in sorted(known, key=known.get):                      # at run time too: what `import miniclip.m` really loads
        code = (f"import sys, miniclip.{m}; print(' '.join(k.split('.')[1] for k in sys.modules "
                f"if k.startswith('miniclip.') and k.count('.') == 1))")
        r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True)
        if r.returncode: problems.append(f"import miniclip.{m} failed: {r.stderr.strip()[-300:]}"); continue
        later = sorted(d for d in r.stdout.split() if d in known and known[d] > known[m] and (m, d) not in KNOWN)
        if later: problems.append(f"import miniclip.{m} loads {', '.join(later)}, from later lessons")
    left = sorted(f"{a} -> {b}" for a, b in KNOWN if b in graph.get(a, ()))
    print(f"{len(graph)} modules checked; known forward imports still to remove: {', '.join(left) or 'none'}")
    for p in problems: print('FAIL:', p)
    return 1 if problems else 0

if __name__ == '__main__': sys.exit(main())
