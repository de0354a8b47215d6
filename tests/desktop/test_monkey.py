"""A random user (tools/monkey.py) drives the real main window with and without data: no exception, no crash.

It runs in a subprocess, so a crash fails this test instead of ending the test session. The monkey's seed
follows pytest-randomly's (printed at the top of the run), so every run of the suite tries other actions and a
failure can be replayed: `python tools/monkey.py --actions N --seed S --data ...` as printed below.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.shared_data import data_root

ROOT = Path(__file__).resolve().parents[2]
ACTIONS = 200


@pytest.fixture
def monkey_seed(request):
    try:
        seed = request.config.getoption("randomly_seed")
    except ValueError:  # pytest-randomly not loaded (-p no:randomly)
        seed = None
    return seed if isinstance(seed, int) else 12345


def run_monkey(seed: int, data: str) -> subprocess.CompletedProcess:
    command = [sys.executable, str(ROOT / "tools" / "monkey.py"), "--actions", str(ACTIONS), "--seed", str(seed),
               "--data", data]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    replay = " ".join(command[1:])
    assert result.returncode == 0, f"replay: python {replay}\n{result.stdout[-3000:]}\n{result.stderr[-6000:]}"
    assert f"{ACTIONS} actions, no fault" in result.stdout
    return result


def test_random_actions_without_data(monkey_seed):
    run_monkey(monkey_seed, "none")


def test_random_actions_with_the_real_samples(monkey_seed):
    run_monkey(monkey_seed + 1, str(data_root()))


def test_the_monkey_reports_a_fault_with_its_replay(tmp_path):
    command = [sys.executable, str(ROOT / "tools" / "monkey.py"), "--actions", "400", "--seed", "5", "--data", "none",
               "--inject-fault"]
    result = subprocess.run(command, cwd=ROOT, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    assert "FAULT after these actions (replay: --seed 5)" in result.stderr
    assert "RuntimeError: an injected fault" in result.stderr
