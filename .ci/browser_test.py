#!/usr/bin/env python
"""The widget demo (nbs/18_demo.ipynb) in a real browser: JupyterLab on 127.0.0.1 with a token, headless
Debian Chromium driven by Playwright.

    python .ci/browser_test.py                                   # prints what it checked, exit 0 when it passed
    python .ci/browser_test.py --screenshot nbs/images/demo.png  # and keep the screenshot the README shows

It trains a small model with `miniclip_train` first (about 30 s), starts JupyterLab with that model in
MINICLIP_DEMO_MODEL, opens the demo notebook, runs every cell, changes the colour dropdown and then the
labels, and checks that the top label and the probabilities shown change each time; then saves the notebook,
reloads the page and checks that the widgets come back, still connected to the kernel. The server and the
browser are shut down whatever happens. Needs /usr/bin/chromium (Debian: apt-get install chromium).
"""
import argparse, os, re, secrets, shutil, signal, socket, subprocess, sys, tempfile, time, urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-quic', '--disable-background-networking',
                 '--disable-component-update', '--disable-sync']

def free_port() -> int:
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0)); return s.getsockname()[1]

def wait_for(check, timeout: float, what: str, every: float = 0.5):
    "Poll `check()` until it returns something true; fail with `what` after `timeout` seconds."
    deadline = time.time() + timeout
    while time.time() < deadline:
        got = check()
        if got: return got
        time.sleep(every)
    raise TimeoutError(f'timed out after {timeout:.0f} s waiting for {what}')

def shown(page) -> tuple:
    "(top label, probabilities text) the demo displays now, or None while it has none."
    top, probs = page.locator('.miniclip-top'), page.locator('.miniclip-probs')
    if not top.count() or not probs.count(): return None
    return top.first.inner_text().strip(), probs.first.inner_text().strip()

def settled(page, ok=lambda s: True):
    "What the demo shows once it has stopped changing (two reads 0.5 s apart agree) and `ok` holds it; else None."
    a = shown(page)
    if not a or not a[0] or not ok(a): return None
    time.sleep(0.5)
    return a if shown(page) == a else None

def labels_of(s) -> list:
    "The labels listed with the probabilities (label, percentage, label, ...), sorted."
    return sorted(s[1].split('\n')[0::2])

def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('--screenshot', default=str(Path(tempfile.gettempdir()) / 'miniclip-demo.png'))
    p.add_argument('--chromium', default='/usr/bin/chromium')
    a = p.parse_args()
    if not Path(a.chromium).exists(): sys.exit(f'{a.chromium} not found: install Debian chromium (apt-get install chromium)')
    from playwright.sync_api import sync_playwright
    work = Path(tempfile.mkdtemp(prefix='miniclip-browser-'))
    print('training the demo model ...', flush=True)
    subprocess.run([sys.executable, '-c', 'from miniclip.cli import train_cli; train_cli()', '-epochs', '4', '-eval_images', '200',
                    '-out_dir', str(work / 'model')], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port, token = free_port(), secrets.token_hex(16)
    (work / 'nbs').mkdir(); shutil.copy(ROOT / 'nbs' / '18_demo.ipynb', work / 'nbs')      # a copy: JupyterLab saves what it opens
    env = {**os.environ, 'MINICLIP_DEMO_MODEL': str(work / 'model'), 'JUPYTER_CONFIG_DIR': str(work / 'config'),
           'JUPYTER_RUNTIME_DIR': str(work / 'runtime')}
    log = open(work / 'jupyterlab.log', 'w')
    server = subprocess.Popen([sys.executable, '-m', 'jupyter', 'lab', '--no-browser', '--allow-root', '--ServerApp.ip=127.0.0.1',
                               f'--ServerApp.port={port}', f'--IdentityProvider.token={token}', f'--ServerApp.root_dir={work / "nbs"}',
                               '--LabApp.expose_app_in_browser=True'],
                              env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        base = f'http://127.0.0.1:{port}'
        wait_for(lambda: _ok(f'{base}/api/status?token={token}'), 90, 'JupyterLab to start')
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=a.chromium, args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page(viewport={'width': 1500, 'height': 1100})
            try: check_demo(page, f'{base}/lab/tree/18_demo.ipynb?token={token}', a.screenshot)
            except Exception:
                page.screenshot(path=str(Path(a.screenshot).with_suffix('.failed.png'))); print(f'screenshot of the failure: {Path(a.screenshot).with_suffix(".failed.png")}')
                raise
            finally: browser.close()
    except Exception:
        log.flush(); print('--- JupyterLab log (last lines) ---\n' + ''.join((work / 'jupyterlab.log').read_text().splitlines(True)[-30:]))
        raise
    finally:
        try: os.killpg(server.pid, signal.SIGTERM); server.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired): os.killpg(server.pid, signal.SIGKILL)
    print(f'browser test passed; screenshot: {a.screenshot}')

def _ok(url) -> bool:
    try: return urllib.request.urlopen(url, timeout=2).status == 200
    except OSError: return False

def check_demo(page, url: str, screenshot: str):
    page.goto(url)
    page.wait_for_selector('.jp-Notebook .jp-Cell', timeout=120_000)
    wait_for(lambda: page.evaluate("() => !!(window.jupyterapp && window.jupyterapp.shell.currentWidget && "
                                   "window.jupyterapp.shell.currentWidget.sessionContext && "
                                   "window.jupyterapp.shell.currentWidget.sessionContext.session && "
                                   "window.jupyterapp.shell.currentWidget.sessionContext.session.kernel)"), 120, 'the kernel to start')
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    first = wait_for(lambda: settled(page), 300, 'the demo widgets to show an answer')
    print('shown at first:', first[0])
    colour = page.locator('.widget-dropdown', has=page.locator('label', has_text=re.compile('^colour$'))).locator('select').first
    other = next(o for o in ('blue', 'green', 'yellow') if o not in first[0])
    colour.select_option(other)
    second = wait_for(lambda: settled(page, lambda s: s != first), 60, 'the answer to follow the colour')
    print(f'after choosing {other}:', second[0])
    labels = page.locator('.widget-text', has=page.locator('label', has_text=re.compile('^labels$'))).locator('input').first
    typed = [f'a {other} circle', f'a {other} square', 'a red star']
    labels.fill(', '.join(typed))
    labels.press('Enter')
    third = wait_for(lambda: settled(page, lambda s: labels_of(s) == sorted(typed)), 60, 'the answer to follow the labels')
    print('after new labels:', third[0], '|', third[1].replace('\n', ' '))
    assert second[0] != first[0] or second[1] != first[1], 'the colour change did not change what is shown'
    assert third[1].count('%') == 3, f'expected three probabilities for three labels, got: {third[1]!r}'
    tab = page.locator('.miniclip-result').first.locator('xpath=ancestor::div[contains(@class, "widget-tab")][1]')
    (tab if tab.count() else page).screenshot(path=screenshot)
    # A reload gets the widgets back from the live kernel when the notebook was saved (JupyterLab autosaves
    # every 2 minutes; Ctrl-S at once): the saved outputs name the widgets, the kernel still holds them.
    page.evaluate("() => window.jupyterapp.commands.execute('docmanager:save')")
    wait_for(lambda: page.evaluate("() => !window.jupyterapp.shell.currentWidget.context.model.dirty"), 30, 'the notebook to be saved')
    page.reload()
    page.wait_for_selector('.jp-Notebook .jp-Cell', timeout=120_000)
    def scrolled_to_widgets():                # the notebook draws only the cells in view: go to the widgets
        if page.locator('.miniclip-top').count(): page.locator('.miniclip-top').first.scroll_into_view_if_needed()
        return settled(page)
    again = wait_for(scrolled_to_widgets, 60, 'the widgets to come back after saving and reloading the page')
    print('after saving and reloading the page:', again[0])
    assert again == third, f'the reloaded page shows {again}, not what the kernel last showed ({third})'
    labels = page.locator('.widget-text', has=page.locator('label', has_text=re.compile('^labels$'))).locator('input').first
    typed = ['a red circle', f'a {other} square', 'a red star']
    labels.fill(', '.join(typed))
    labels.press('Enter')
    fourth = wait_for(lambda: settled(page, lambda s: labels_of(s) == sorted(typed)), 60, 'the reloaded widgets to answer new labels')
    print('the reloaded widgets still answer:', fourth[0])

if __name__ == '__main__': main()
