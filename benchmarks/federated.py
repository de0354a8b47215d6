"""Chapter 15 speed: plain federated rounds, encrypted rounds, the cost of an encrypted weight (not a test).

1. A plain federated round (Bob, Alice and Sue train one pass each, the owner averages and tests) on Enron-1:
   seconds per round (goal ≤ 1 s).
2. The same round with secure aggregation at 128 bits (ch15.paillier), encrypting every weight (the book) and
   only the weights each client changed; each as a ratio to the plain round (goal ≤ 2×), with the time of each
   stage (train, encrypt, add, decrypt) and the checked equality with the plain round's model.
3. The cost of one encrypted weight (encrypt, decrypt) at 128, 512, 1024 and 2048 bits, and what one round would
   cost at that key size, beside the plain round (all measured in this run).
4. What encrypting only the changed weights saves (encryptions, bytes, seconds).
5. With --stall: the longest event-loop stall while the window runs an encrypted round.

Run: GROKKING_DATA=../shared/data .venv/bin/python benchmarks/federated.py [--rounds 3] [--stall]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

import numpy as np


def load():
    from learning.chapters.ch15_data import prepare
    from learning.datasets.enron import book_enron

    start = time.perf_counter()
    data = prepare(book_enron())
    return data, time.perf_counter() - start


def run_round(exp) -> tuple[float, dict]:
    """Seconds for one round (its iterations and the test), and the owner's record."""
    start = time.perf_counter()
    owner = None
    for _ in range(exp.epoch_size):
        result = exp.step()
        if result.record.get("client") == "owner":
            owner = result.record
    return time.perf_counter() - start, owner


def per_weight(bits: int, count: int) -> tuple[float, float, float]:
    """(key generation s, encryption s per weight, decryption s per weight) at `bits`, from `count` weights."""
    from learning.crypto import arrays
    from learning.crypto.paillier import generate_keypair

    start = time.perf_counter()
    pair = generate_keypair(bits)
    keygen = time.perf_counter() - start
    values = np.random.RandomState(0).uniform(-0.1, 0.1, count)
    start = time.perf_counter()
    enc = arrays.encrypt_array(pair.public_key, values)
    encrypt = (time.perf_counter() - start) / count
    start = time.perf_counter()
    back = arrays.decrypt_array(pair.private_key, enc)
    decrypt = (time.perf_counter() - start) / count
    assert np.array_equal(back, values)
    return keygen, encrypt, decrypt


def stall() -> tuple[float, int]:
    """(longest gap in ms between 5 ms timer ticks, ticks) while the window plays one encrypted round."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile

    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import setup_application
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    app = QApplication.instance() or QApplication([])
    setup_application(app)
    folder = tempfile.mkdtemp()
    settings = Settings(QSettings(os.path.join(folder, "s.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, "ch15.paillier")
    window.resize(1300, 850)
    window.show()
    window.runner.set_param("encrypt", "changed")
    window.runner.reset()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(5)
    window.runner.set_speed(None)
    window.runner.play()
    rounds = window.runner.experiment.epoch_size
    end = time.perf_counter() + 300
    while window.runner.count < rounds and time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    window.runner.pause()
    timer.stop()
    return 1000 * max(gaps), len(gaps)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="plain rounds to time (default 3)")
    parser.add_argument("--stall", action="store_true", help="also measure the window's longest stall")
    args = parser.parse_args(argv)
    from learning.chapters.ch15_federated import Federated
    from learning.chapters.ch15_paillier import SecureAggregation

    data, seconds = load()
    print(f"Enron-1 prepared in {seconds:.2f} s: {data.vocab_size} words, {len(data.train_input)} training and "
          f"{len(data.test_input)} test e-mails")

    # 1. plain rounds
    plain = Federated(data=data)
    times = []
    for r in range(args.rounds):
        seconds, _ = run_round(plain)
        times.append(seconds)
        print(f"plain round {r}: {seconds:.3f} s, test accuracy {plain.last_test['test_accuracy']:.4f}")
    plain_round = statistics.median(times)
    print(f"plain round (median of {len(times)}): {plain_round:.3f} s   goal <= 1 s: "
          f"{'met' if plain_round <= 1 else 'NOT met'}")

    # 2. encrypted rounds at 128 bits (the first round: keygen included), against the plain first round
    reference = Federated(data=data)
    plain_first, _ = run_round(reference)
    encrypted = {}
    for mode in ("changed", "all"):
        secure = SecureAggregation(data=data, encrypt=mode)
        seconds, owner = run_round(secure)
        encrypted[mode] = (seconds, owner, secure)
        same = np.array_equal(secure.model.weights.view(np.int64), reference.model.weights.view(np.int64))
        print(f"encrypted round, 128 bits, encrypt={mode}: {seconds:.2f} s = {seconds / plain_first:.1f}x the plain "
              f"round ({plain_first:.3f} s)   goal <= 2x: {'met' if seconds <= 2 * plain_first else 'NOT met'}")
        print(f"    {owner['encrypted']} encryptions in {owner['encrypt_seconds']:.2f} s, homomorphic sum of "
              f"{owner['decrypted']} weights in {owner['add_seconds']:.2f} s, {owner['decrypted']} decryptions; "
              f"model identical to the plain round: {same}")

    # 3. cost per weight by key size
    print("cost per encrypted weight (this machine, pure Python integers):")
    rows = []
    for bits, count in ((128, 2000), (512, 200), (1024, 40), (2048, 8)):
        keygen, enc, dec = per_weight(bits, count)
        rows.append((bits, keygen, enc, dec))
        n_all = 3 * data.vocab_size
        n_changed = encrypted["changed"][1]["encrypted"]
        union = encrypted["changed"][1]["decrypted"]
        print(f"  {bits:5d} bits: keygen {keygen:7.3f} s, encrypt {enc * 1e3:9.3f} ms, decrypt {dec * 1e3:8.3f} ms per "
              f"weight ({2 * bits // 8} bytes vs 8); one round ~ {n_all * enc + data.vocab_size * dec:8.0f} s "
              f"(all) / {n_changed * enc + union * dec:8.0f} s (changed) = "
              f"{(n_changed * enc + union * dec) / plain_round:8.0f}x the plain round")

    # 4. savings
    all_owner, changed_owner = encrypted["all"][1], encrypted["changed"][1]
    saved = 1 - changed_owner["encrypted"] / all_owner["encrypted"]
    print(f"encrypting only the changed weights: {changed_owner['encrypted']} instead of {all_owner['encrypted']} "
          f"encryptions ({saved:.0%} fewer), {changed_owner['bytes_sent'] / 1e6:.1f} MB instead of "
          f"{all_owner['bytes_sent'] / 1e6:.1f} MB sent, round {encrypted['changed'][0]:.1f} s instead of "
          f"{encrypted['all'][0]:.1f} s; the price: the owner sees which words each client changed")
    for name, c in encrypted["changed"][2].costs.items():
        print(f"    {name}: {c.encrypted} of {c.weights} weights encrypted ({c.saved_fraction:.0%} saved), "
              f"{c.seconds:.2f} s")
    if args.stall:
        worst, ticks = stall()
        print(f"window during an encrypted round (encrypt=changed): longest stall {worst:.1f} ms over {ticks} ticks "
              f"(goal < 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
