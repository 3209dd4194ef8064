#!/usr/bin/env python
"""How long each lesson takes: to read (counted from its text) and to run (measured by the test run), stated
in the lesson's header and checked against the next test run.

    nbdev_test --n_workers 1 --timing | tee /tmp/tests.log       # the README's test command prints the times
    python .ci/lesson_times.py --write /tmp/tests.log            # put them in each lesson's first cell
    python .ci/lesson_times.py --check /tmp/tests.log            # CI: every stated time still holds

Reading time: 200 words of prose a minute plus 15 non-blank lines of code a minute (a reader who runs
and reads the code, not one who skims it). Running time: the seconds `nbdev_test --timing` measured for the
notebook, slow cells skipped as in the tests, on the CPU named in the header. Machines differ (the whole
suite ran 1.9x faster on a 2-core Intel Xeon than on a 2-core AMD EPYC), so `--check` first scales the
stated times by the suite's overall ratio (printed), then fails when a lesson's measured run time is more
than twice or less than half its scaled stated one (give or take 10 s, which a notebook's start-up alone
can vary), or when its text changed enough to move the reading time by more than 20 %: rerun `--write` and
commit.
"""
import argparse, json, os, re, sys
from datetime import date
from pathlib import Path

NBS = Path(__file__).resolve().parents[1] / 'nbs'
LINE = re.compile(r'\n\n\*About \d+ min to read; its cells run in [^*]+\*$')

def lessons() -> list:
    "The numbered lessons (not index or job)."
    return sorted(p for p in NBS.glob('[0-9][0-9]*.ipynb'))

def reading_minutes(nb: dict) -> float:
    words = code = 0
    for c in nb['cells']:
        text = ''.join(c['source'])
        if c['cell_type'] == 'markdown': words += len(re.findall(r'\S+', text))
        elif c['cell_type'] == 'code': code += sum(1 for l in text.splitlines() if l.strip())
    return words / 200 + code / 15

def measured(log: str) -> dict:
    "{notebook name: seconds} from `nbdev_test --timing`'s lines ('15_trainer.ipynb: 120 secs')."
    return {m[1]: int(m[2]) for m in re.finditer(r'^(\S+\.ipynb): (\d+) secs$', log, re.M)}

def run_text(seconds: int) -> str:
    if seconds < 1: return 'under 1 s'
    return f'{seconds} s' if seconds < 90 else f'{seconds / 60:.1f} min'

def stated(nb: dict):
    "(reading minutes, run seconds) the header states, or None."
    m = re.search(r'\*About (\d+) min to read; its cells run in (under )?([\d.]+) (s|min) ',
                  ''.join(nb['cells'][0]['source']))
    return m and (int(m[1]), 0 if m[2] else round(float(m[3]) * (60 if m[4] == 'min' else 1)))

def cpu() -> str:
    "'2-core AMD EPYC' (cores this process may use, the CPU's model name)."
    try: name = next(l.split(':', 1)[1].strip() for l in open('/proc/cpuinfo') if l.startswith('model name'))
    except (OSError, StopIteration): name = 'CPU'
    name = re.sub(r'\s+(\d+-Core )?Processor$|\(R\)|\(TM\)|\s+CPU\s+@.*$', '', name).strip()
    return f'{len(os.sched_getaffinity(0))}-core {name}'

def write(times: dict):
    for p in lessons():
        if p.name not in times: print(f'{p.name}: not in the log, left as it is'); continue
        nb = json.loads(p.read_text()); cell = nb['cells'][0]
        text = LINE.sub('', ''.join(cell['source']).rstrip('\n'))
        text += (f"\n\n*About {reading_minutes(nb):.0f} min to read; its cells run in {run_text(times[p.name])} on a "
                 f"{cpu()} (slow cells skipped; measured {date.today().isoformat()} by the test run).*")
        lines = text.split('\n'); cell['source'] = [l + '\n' for l in lines[:-1]] + [lines[-1]]
        p.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + '\n')
        print(f'{p.name}: {reading_minutes(nb):.0f} min to read, runs in {run_text(times[p.name])}')

def check(times: dict) -> int:
    bad, both = [], [(stated(json.loads(p.read_text())), times.get(p.name)) for p in lessons()]
    pairs = [(s[1], t) for s, t in both if s and t is not None]
    scale = sum(t for _, t in pairs) / max(1, sum(s for s, _ in pairs))
    print(f'this machine ran the lessons {scale:.2f}x as long as the times they state')
    for p in lessons():
        nb = json.loads(p.read_text()); s = stated(nb)
        if s is None: bad.append(f'{p.name}: no reading and running time in its first cell'); continue
        read, run = s
        if abs(reading_minutes(nb) - read) > max(1, 0.2 * read):
            bad.append(f'{p.name}: states {read} min to read, its text now takes {reading_minutes(nb):.0f}')
        got = times.get(p.name)
        if got is None: bad.append(f'{p.name}: not in the test log'); continue
        if not (run * scale / 2 - 10 <= got <= 2 * run * scale + 10):
            bad.append(f'{p.name}: states {run_text(run)} to run (x{scale:.2f} here), the tests measured '
                       f'{run_text(got)}')
    for b in bad: print(b)
    print(f'lesson times: {len(lessons()) - len(bad)} of {len(lessons())} hold' +
          ('' if not bad else '; rerun python .ci/lesson_times.py --write LOG and commit'))
    return 1 if bad else 0

if __name__ == '__main__':
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    g = a.add_mutually_exclusive_group(required=True)
    g.add_argument('--write', metavar='LOG'); g.add_argument('--check', metavar='LOG')
    a = a.parse_args()
    times = measured(Path(a.write or a.check).read_text())
    if not times: sys.exit(f'no "name.ipynb: N secs" lines in {a.write or a.check}: run nbdev_test with --timing')
    if a.write: write(times)
    else: sys.exit(check(times))
