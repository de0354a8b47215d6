"""Helpers of the saved-run tests: small stand-ins for every data set, runs kept as a runner keeps them, files
taken apart and put together again."""

import io
import json
import math
import zipfile

import numpy as np
import pytest

from learning.catalogue import get
from learning.chapters.ch11_language import ImdbExperiment
from learning.datasets.imdb import ImdbBook
from learning.history import History, Snapshots
from learning.results import ResultStore
from learning.runcheck import check_run
from learning.runfile import RunFileError, capture, read_run, write_run
from tests.learning.conftest import synthetic_mnist
from tests.learning.test_ch14_char import synthetic_text
from tests.learning.test_ch15 import synthetic_enron


def synthetic_babi(lines=1000):
    """bAbI-shaped task lines ("ID text", questions with a tab, the answer and a fact number)."""
    people, places = ("mary", "john", "sandra", "daniel"), ("bathroom.", "hallway.", "garden.", "office.")
    out = []
    for k in range(lines):
        who, where = people[k % 4], places[(k // 3) % 4]
        out.append(f"{k % 15 + 1} where is {who}?\t{where[:-1]}\t1\n" if k % 3 == 2 else
                   f"{k % 15 + 1} {who} moved to the {where}\n")
    return out


def synthetic_imdb(reviews=1200):
    """Review lines in the book's form (lower case, '.' a token of its own, the line's '\\n' kept) with labels."""
    rs = np.random.RandomState(3)
    good, bad, plain = ("great", "fine", "loved", "superb"), ("awful", "boring", "bad", "waste"), (
        "the", "film", "a", "movie", "was", "and", "plot", "actors", "it", "is")
    lines, labels = [], []
    for k in range(reviews):
        positive = k % 2 == 0
        words = [plain[j] for j in rs.randint(0, len(plain), 12)] + [
            (good if positive else bad)[j] for j in rs.randint(0, 4, 3)]
        lines.append(" ".join(words) + " .\n")
        labels.append("positive" if positive else "negative")
    return ImdbBook(lines, labels, True, "synthetic")


#: A small stand-in for each data set an experiment may need (real data is not needed for a round trip).
DATA = {"mnist": synthetic_mnist, "imdb": synthetic_imdb, "babi": synthetic_babi, "enron": synthetic_enron,
        "shakespeare": lambda: synthetic_text(3000)}


def make(cls, seed, values, data=None):
    """An experiment of `cls` on `data` (default: the synthetic stand-in), with a results store of its own (the
    session's would make it depend on the tests run before)."""
    extra = {"store": ResultStore()} if issubclass(cls, ImdbExperiment) else {}
    names = getattr(cls, "datasets", ())
    if names:
        return cls(seed=seed, data=DATA[names[0]]() if data is None else data, **extra, **values)
    return cls(seed=seed, **extra, **values)


def run(experiment_id, n, data=None, **values):
    """n iterations with the history and kept states a runner would have; on the synthetic data in batches of 4 and
    (chapter 14) with the small model."""
    cls = get(experiment_id)
    names = {p.name for p in cls.params}
    if "batch_size" in names and data is None:
        values.setdefault("batch_size", 4)
    if "size" in names and data is None:
        values.setdefault("size", "small")
    exp = make(cls, None, values, data)
    return exp, *go_on(exp, n)


def go_on(exp, n, history=None, snaps=None):
    """n more iterations, kept in the history and states as a runner keeps them."""
    history = History() if history is None else history
    snaps = Snapshots(epoch_size=exp.epoch_size) if snaps is None else snaps
    for i in range(exp.iteration_index, exp.iteration_index + n):
        if snaps.wants(i):
            snaps.add(i, exp.state())
        result = exp.step()
        history.add_iteration(result.record)
        if result.epoch is not None:
            history.add_epoch(result.epoch)
    return history, snaps


def same(a, b):
    """Equal values of equal types, arrays by dtype, shape and values (NaN equal to NaN)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return (isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.dtype == b.dtype
                and a.shape == b.shape and np.array_equal(a, b, equal_nan=True))
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    return type(a) is type(b) and a == b


def untimed(record):
    """A record without its measured times (seconds of an encrypted aggregation's stages differ run to run)."""
    return None if record is None else {k: v for k, v in record.items() if not k.endswith("_seconds")}


def saved_file(tmp_path, experiment_id="ch04.alpha", n=12, **values):
    exp, history, snaps = run(experiment_id, n, **values)
    path = write_run(tmp_path / "run.glrun", capture(exp, history, snaps, dict(exp.values)))
    return path, exp


def members(path):
    with zipfile.ZipFile(path) as z:
        return {i.filename: z.read(i) for i in z.infolist()}


def rewrite(path, doc_change=None, extra=None, drop=()):
    parts = members(path)
    if doc_change is not None:
        doc = json.loads(parts["run.json"])
        doc_change(doc)
        parts["run.json"] = json.dumps(doc).encode()
    parts.update(extra or {})
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts.items():
            if name not in drop:
                z.writestr(name, data)
    return path


def npy(array, allow_pickle=False):
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=allow_pickle)
    return buffer.getvalue()


def opened(path):
    return check_run(read_run(path), make)


def refused(path, match):
    with pytest.raises(RunFileError, match=match):
        opened(path)


