#!/usr/bin/env python3
"""Re-test mutmut's survivors, each in a fresh interpreter, and print the score per module.

    GROKKING_DATA=../shared/data .venv/bin/mutmut run "learning.*"     # first (see pyproject.toml)
    GROKKING_DATA=../shared/data .venv/bin/python tools/mutation_recheck.py [--jobs 2] [--only learning.history]

Why: mutmut runs each mutant in a process forked after the modules were imported, so a mutant of a function
that runs at import time (the parameter tables the chapters build with `_params()`, the registry's entries)
is never active: it "survives" whatever the tests check. Here every survivor (and every "no tests") runs the
tests of its module in a new `python -m pytest` with MUTANT_UNDER_TEST set before anything is imported.
Results go to mutants/recheck.json; the summary counts mutmut's kills plus the kills found here.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MUTANTS = ROOT / "mutants"
KILLED = {1: "killed", 3: "killed"}

# The tests that look at each part of learning/ (all fast; the minute-long MNIST training tests are left out,
# as in pyproject's [tool.mutmut]).
CORE = ["tests/learning/test_contracts.py", "tests/learning/test_experiment.py", "tests/learning/test_refusals.py",
        "tests/learning/test_text_forms.py", "tests/learning/test_history_divergence.py",
        "tests/learning/test_analysis.py", "tests/learning/test_activations.py", "tests/learning/test_cli.py",
        "tests/desktop/test_i18n.py::test_titles_module_lists_every_experiment_and_data_set",
        "tests/desktop/test_runner.py"]
SLOW = ["tests/learning/test_ch10.py::test_default_network_learns_on_the_sample",
        "tests/learning/test_ch08.py::test_default_batch_learns_slowly_with_the_books_alpha",
        "tests/learning/test_ch09.py::test_default_network_learns_on_the_sample_and_tanh_beats_sigmoid"]


def tests_for(mutant: str) -> list[str]:
    """The test files of the module the mutant is in, then the core tests."""
    parts = mutant.split(".")
    if parts[1] == "chapters":
        number = parts[2][2:4]
        return [f"tests/learning/test_ch{number}.py", "tests/learning/test_contracts.py",
                "tests/learning/test_experiment.py", "tests/learning/test_refusals.py",
                "tests/desktop/test_i18n.py::test_titles_module_lists_every_experiment_and_data_set"]
    if parts[1] == "datasets":
        name = parts[2].lstrip("_")
        own = f"tests/learning/datasets/test_{name}.py"
        own = [own] if (ROOT / own).exists() else []
        return [*own, "tests/learning/datasets", "tests/learning/test_ch08.py"]
    if parts[0] == "desktop":
        return ["tests/desktop/test_runner.py", "tests/desktop/test_faults.py", "tests/desktop/test_error_plot.py",
                "tests/desktop/test_landscape.py"]
    return [*CORE, "tests/learning/test_ch03.py", "tests/learning/test_ch04.py", "tests/learning/test_ch05.py",
            "tests/learning/test_ch06.py"]


def import_time_functions() -> set[str]:
    """mutmut's names (module.x_function, module.xǁClassǁmethod) of the functions of learning/ that run while
    the modules are imported: only a fresh interpreter sees their mutants."""
    code = (
        "import sys, json\n"
        "seen = set()\n"
        "def profile(frame, event, arg):\n"
        "    if event == 'call' and frame.f_globals.get('__name__', '').startswith('learning'):\n"
        "        seen.add((frame.f_globals['__name__'], frame.f_code.co_qualname))\n"
        "sys.setprofile(profile)\n"
        "import learning.catalogue, learning.datasets.registry, learning.__main__\n"
        "sys.setprofile(None)\n"
        "print(json.dumps(sorted(seen)))\n")
    found = json.loads(subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                                      check=True).stdout)
    names = set()
    for module, qualname in found:
        if "<" in qualname:
            continue  # module bodies, class bodies, comprehensions
        parts = qualname.split(".")
        names.add(f"{module}.x_{parts[0]}" if len(parts) == 1 else f"{module}.xǁ{parts[0]}ǁ{parts[1]}")
    return names


def statuses() -> dict[str, str]:
    """mutmut's verdict of every mutant (from its .meta files)."""
    names = {0: "survived", 1: "killed", 3: "killed", 5: "no tests", 33: "no tests", None: "not checked"}
    out = {}
    for meta in MUTANTS.rglob("*.meta"):
        for key, code in json.loads(meta.read_text())["exit_code_by_key"].items():
            out[key] = names.get(code, "killed" if code in (24, -24, 36, 152, 255) else f"other {code}")
    return out


def recheck(mutant: str, timeout: float) -> str:
    env = dict(os.environ, MUTANT_UNDER_TEST=mutant, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
               *(arg for test in SLOW for arg in ("--deselect", test)), *dict.fromkeys(tests_for(mutant))]
    try:
        result = subprocess.run(command, cwd=MUTANTS, env=env, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout"
    return KILLED.get(result.returncode, "survived" if result.returncode == 0 else f"exit {result.returncode}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--only", default="", help="mutant names starting with this")
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--import-time", action="store_true",
                        help="re-test only the survivors in functions that run at import (the rest: `mutmut run` "
                             "with their names re-tests them in mutmut's faster workers)")
    args = parser.parse_args()
    if not MUTANTS.is_dir():
        parser.error("no mutants/ folder: run mutmut first")
    # the tests as they are now (mutmut copied them into mutants/ when it started)
    shutil.copytree(ROOT / "tests", MUTANTS / "tests", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__"))
    verdicts = statuses()
    cache_file = MUTANTS / "recheck.json"
    cache = json.loads(cache_file.read_text()) if cache_file.exists() else {}
    todo = [m for m, s in verdicts.items() if s in ("survived", "no tests") and m.startswith(args.only)
            and m not in cache]
    if args.import_time:
        early = import_time_functions()
        todo = [m for m in todo if m.split("__mutmut_")[0] in early]
    print(f"{len(todo)} survivors to re-test, {args.jobs} at a time", flush=True)
    started = time.monotonic()
    with ThreadPoolExecutor(args.jobs) as pool:
        verdicts_now = pool.map(lambda m: recheck(m, args.timeout), todo)
        for done, (mutant, verdict) in enumerate(zip(todo, verdicts_now, strict=True), 1):
            cache[mutant] = verdict
            if done % 20 == 0 or done == len(todo):
                cache_file.write_text(json.dumps(cache, indent=0, sort_keys=True))
                print(f"{done}/{len(todo)} re-tested, {time.monotonic() - started:.0f} s", flush=True)
    cache_file.write_text(json.dumps(cache, indent=0, sort_keys=True))
    table: dict[str, Counter] = defaultdict(Counter)
    for mutant, verdict in verdicts.items():
        if not mutant.startswith(args.only):
            continue
        module = mutant.rsplit(".", 1)[0]
        final = cache.get(mutant, verdict) if verdict in ("survived", "no tests") else verdict
        table[module][final] += 1
    total: Counter = Counter()
    print(f"{'module':45} {'killed':>7} {'total':>6} {'score':>6}  (other verdicts)")
    for module in sorted(table):
        counts = table[module]
        total.update(counts)
        n = sum(counts.values())
        killed = counts["killed"] + counts["timeout"]
        rest = {k: v for k, v in counts.items() if k not in ("killed", "timeout")}
        print(f"{module:45} {killed:7d} {n:6d} {100 * killed / n:5.1f}%  {rest or ''}")
    n = sum(total.values())
    killed = total["killed"] + total["timeout"]
    print(f"{'all':45} {killed:7d} {n:6d} {100 * killed / max(n, 1):5.1f}%  {dict(total)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
