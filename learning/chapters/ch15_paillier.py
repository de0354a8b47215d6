"""Chapter 15: secure aggregation with homomorphic encryption (BOOK.md ch15.paillier).

The round of ch15.federated, except that Bob, Alice and Sue encrypt their models with the owner's public key
(Paillier, learning/crypto), the encrypted models are added while encrypted (ciphertexts multiplied), and only the
sum reaches the owner, who decrypts it and divides by 3. The decrypted sum is each weight's exact sum rounded once:
in the default mode the new model is therefore bit for bit ch15.federated's (`same_as_plain` in the records).
`book_faithful` (Q24): the owner decrypts Sue's encrypted model only and divides it by 3 (and Q23).

The owner's iteration is long (at 128 bits about 60 µs per encryption and 35 µs per decryption, with ~50,000
weights per model), so it yields progress in small chunks — Phase.TEST values {"done", "total"} — between its
stages ("keygen", "encrypt bob", "encrypt alice", "encrypt sue", "add", "decrypt"; `work` names the current one),
then one LEARN phase. The key pair is made at the first aggregation (`key_bits`; the book's 128 bits) and kept.

`encrypt`: "all" encrypts every weight (the book); "changed" only the weights a client's update changed — far
fewer encryptions, the same decrypted sum, but the owner then sees which weights (words) each client changed,
which is exactly the leak of ch15.federated-hack. The costs of each round are in `costs` and the LEARN values.

The homomorphic demo of the book (a 1024-bit key, Enc(5) + Enc(3) → "The Answer: 8") is `demo_steps()`.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

import numpy as np

from learning.chapters.ch15_federated import CLIENT_NAMES, Federated, emails_param
from learning.chapters.ch15_spam import alpha_param, batch_size_param, exact_mean
from learning.crypto import arrays, saved
from learning.crypto.lab import LabRun, lab_steps
from learning.crypto.paillier import KeyPair, keypair_steps
from learning.crypto.slices import Progress, Steps
from learning.experiment import IterationResult, Param, Phase, PhaseResult, book_faithful_param
from learning.statespec import Array, Indices, Maybe, OneOf, Whole

KEY_BITS = ("128", "512", "1024", "2048")
#: Plain forms of crypto parts kept for states (the current round's, the last one's, one more for rewinds).
FORMS = 3


def demo_steps() -> Steps[LabRun]:
    """The book's homomorphic demo: a 1024-bit key pair, Enc(5) + Enc(3), decrypted: 8 ("The Answer: 8")."""
    return lab_steps(5, 3, 1024)


def _at_once(function: Callable[..., Any], *args: Any) -> Steps[Any]:
    """A computation of a few milliseconds as one slice of its own (so it does not lengthen the previous one)."""
    yield Progress(0, 1, "")
    return function(*args)


class SecureAggregation(Federated):
    """Federated rounds whose three models are added encrypted; only the sum is decrypted."""

    id = "ch15.paillier"
    title = "Secure aggregation and homomorphic encryption"
    epochs = 3
    params = (alpha_param(), batch_size_param(), emails_param(),
              Param("key_bits", "128", "Paillier key size in bits (the book: 128, fast and insecure); a new key is "
                    "made at the first aggregation after a reset", choices=KEY_BITS),
              Param("encrypt", "all", "all: every weight (the book); changed: only the weights each client changed "
                    "(fewer encryptions, but the owner sees which words changed)", choices=("all", "changed")),
              book_faithful_param())
    aggregate_formulas: ClassVar[dict[Phase, tuple[str, ...]]] = {
        Phase.LEARN: ("Enc(w) = g^w · r^n mod n²;  Enc(bob) · Enc(alice) · Enc(sue) = Enc(bob + alice + sue)   "
                      "({encrypted} weights encrypted, {ciphertext_bytes} bytes each)",
                      "weights = Dec(aggregated) / 3   ({decrypted} decrypted; {changed} weights changed)"),
    }

    def _new_state(self) -> None:
        super()._new_state()
        self.keypair: KeyPair | None = None
        #: The last round's encrypted models, their encrypted sum and its cost figures, for the views.
        self.encrypted: dict[str, arrays.EncryptedArray] = {}
        self.aggregated: arrays.EncryptedArray | None = None
        self.costs: dict[str, arrays.EncryptionCost] = {}
        self.work: Progress | None = None
        #: Seconds each stage of the last aggregation took ("keygen", "encrypt bob", …, "add", "decrypt").
        self.stage_seconds: dict[str, float] = {}
        self._memo: dict[tuple[Any, ...], dict[str, Any]] = {}  # kept across load_state, cleared on reset
        #: (objects, plain form) of the crypto parts lately in a state: each is packed or unpacked once.
        self._forms: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    # -- the owner's iteration -----------------------------------------------------------------------------------
    def _aggregate(self, entry: dict[str, Any]) -> Iterator[tuple[Phase, dict[str, Any]]]:
        self.formulas = self.aggregate_formulas
        before = self.model.weights.copy()
        sent = self.sent if self.sent is not None else before
        models = self._client_weights()
        key = self._memo_key(sent, models)
        memo = self._memo.get(key)
        if memo is not None:  # a replay after a rewind: the same inputs give the same decrypted sum, at once
            return (yield from self._replay(memo, entry, before))
        self.stage_seconds: dict[str, float] = {}
        if self.keypair is None:
            self.keypair = yield from self._work("keygen", keypair_steps(int(self.key_bits)))
        public, private = self.keypair.public_key, self.keypair.private_key
        self.encrypted = {}
        for name, weights in zip(CLIENT_NAMES, models, strict=True):
            indices = arrays.changed_indices(weights, sent) if self.encrypt == "changed" else None
            self.encrypted[name] = yield from self._work(f"encrypt {name}",
                                                         arrays.encrypt_array_steps(public, weights, indices))
        # Step 4: Bob, Alice and Sue send their encrypted models to each other, who add them
        parts = [self.encrypted[name] for name in CLIENT_NAMES]
        self.aggregated = yield from self._work("add", arrays.add_arrays_steps(parts, sent))
        # Step 5: only the aggregated model is sent back to the model owner, who can decrypt it
        if self.book_faithful:  # Q24: the book decrypts Sue's encrypted model, not the aggregate
            chosen, plain_part = self.encrypted["sue"], sent.reshape(-1).copy()
        else:
            chosen, plain_part = self.aggregated, sent.reshape(-1) * 3.0  # nobody changed these: 3 × sent, exact
        values = yield from self._work("decrypt", arrays.decrypt_array_steps(private, chosen))
        total = plain_part
        total[chosen.indices] = values
        if self.book_faithful:
            self.model.weights = total / 3
        else:
            self.model.weights = total / 3 + 0.0  # the last step of exact_mean(): the same bits as ch15.federated
        self.costs = {name: arrays.cost(self.encrypted[name]) for name in CLIENT_NAMES}
        # the simulation knows the plaintext models: compare with plain averaging, and what Q24 costs (what-ifs)
        plain_average = yield from self._work("compare", _at_once(exact_mean, models))
        entry["average_accuracy"] = yield from self._work("compare", _at_once(self.accuracy_of, plain_average))
        entry["q24_accuracy"] = yield from self._work("compare", _at_once(self.accuracy_of, models[2] / 3))
        self.work = None
        values_out = self._finish_round(entry, before)
        encrypted = sum(len(self.encrypted[name]) for name in CLIENT_NAMES)
        seconds = self.stage_seconds
        memo_values = {
            "key_bits": public.bits, "encrypted": encrypted,
            **{f"{name}_encrypted": len(self.encrypted[name]) for name in CLIENT_NAMES},
            "ciphertext_bytes": public.ciphertext_bytes, "bytes_sent": encrypted * public.ciphertext_bytes,
            "plain_bytes": sum(c.plain_bytes for c in self.costs.values()), "decrypted": len(chosen),
            "keygen_seconds": seconds.get("keygen", 0.0),
            "encrypt_seconds": sum(seconds[f"encrypt {name}"] for name in CLIENT_NAMES),
            "add_seconds": seconds["add"], "decrypt_seconds": seconds["decrypt"],
            "same_as_plain": bool(np.array_equal(self.model.weights.view(np.int64), plain_average.view(np.int64))),
            "average_accuracy": entry["average_accuracy"], "q24_accuracy": entry["q24_accuracy"],
        }
        values_out.update(memo_values)
        self._remember(key, memo_values)
        yield Phase.LEARN, values_out

    # -- replays -------------------------------------------------------------------------------------------------
    #: Aggregations remembered for replays (a rewind replays iterations; an aggregation costs seconds).
    memo_size: ClassVar[int] = 6

    def _memo_key(self, sent: np.ndarray, models: list[np.ndarray]) -> tuple[Any, ...]:
        digest = hashlib.sha256(sent.tobytes())
        for weights in models:
            digest.update(weights.tobytes())
        return (self.epoch_index, self.book_faithful, self.encrypt, self.key_bits, digest.hexdigest())

    def _remember(self, key: tuple[Any, ...], values: dict[str, Any]) -> None:
        self._memo[key] = {"weights": self.model.weights.copy(), "keypair": self.keypair, "values": dict(values),
                           "crypto": (dict(self.encrypted), self.aggregated, dict(self.costs)),
                           "accuracies": (values["average_accuracy"], values["q24_accuracy"])}
        while len(self._memo) > self.memo_size:
            self._memo.pop(next(iter(self._memo)))

    def _replay(self, memo: dict[str, Any], entry: dict[str, Any],
                before: np.ndarray) -> Iterator[tuple[Phase, dict[str, Any]]]:
        self.keypair = memo["keypair"]
        encrypted, self.aggregated, costs = memo["crypto"]
        self.encrypted, self.costs = dict(encrypted), dict(costs)
        self.model.weights = memo["weights"]
        entry["average_accuracy"], entry["q24_accuracy"] = memo["accuracies"]
        self.work = None
        values_out = self._finish_round(entry, before)
        values_out.update(memo["values"])
        yield Phase.LEARN, values_out

    def _work(self, stage: str, steps: Steps[Any]) -> Iterator[tuple[Phase, dict[str, Any]]]:
        """Run a sliced computation, yielding its progress as Phase.TEST chunks (the runner then continues at its
        next tick); returns its result. The seconds spent in it (not in the pauses) go to stage_seconds[stage]."""
        self.work = Progress(0, 0, stage)
        spent = 0.0
        while True:
            start = time.perf_counter()
            try:
                step = next(steps)
            except StopIteration as stop:
                self.stage_seconds[stage] = spent + time.perf_counter() - start
                return stop.value
            spent += time.perf_counter() - start
            self.work = Progress(step.done, step.total, stage)
            yield Phase.TEST, {"done": step.done, "total": max(step.total, step.done + 1)}

    def phases(self) -> Iterator[PhaseResult]:
        """The base's phases(), without the progress chunks' done/total in the iteration record."""
        result: IterationResult = yield from super().phases()
        if result.record.get("client") == "owner":
            result.record.pop("done", None)
            result.record.pop("total", None)
        return result

    # -- views ---------------------------------------------------------------------------------------------------
    def blocks(self, name: str, count: int = 8) -> list[str]:
        """Short fingerprints of the first `count` ciphertexts of `name`'s encrypted model ("sum" for the
        aggregate): what the owner and the other clients see of it — opaque numbers."""
        array = self.aggregated if name == "sum" else self.encrypted.get(name)
        if array is None:
            return []
        return [array.digest(k) for k in range(min(count, len(array)))]

    # -- saving and rewinding ------------------------------------------------------------------------------------
    # A state holds the key and the last round's encrypted models as plain arrays (learning.crypto.saved): packed
    # once per aggregation (~40 ms at 128 bits), shared by every state that holds them, unpacked once when loaded.
    def state(self) -> dict[str, Any]:
        out = super().state()
        out["crypto"] = self._crypto_form()
        return out

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        self.keypair, self.encrypted, self.aggregated = self._crypto_objects(state["crypto"])
        self.costs = {name: arrays.cost(array) for name, array in self.encrypted.items()}
        self.work = None

    def state_spec(self) -> dict[str, Any]:
        """The key (once made) of `key_bits` bits, and each encrypted model of the last round: row numbers of the
        model's weights, a ciphertext (bytes) and an exponent per encrypted weight."""
        size, bits = self.model.weights.size, int(self.key_bits)
        width, cipher = (bits + 7) // 8, (2 * bits + 7) // 8
        count = (0, size)
        encrypted = {"size": Whole(size, size), "indices": Indices(size),
                     "ciphertexts": Array("uint8", (count, cipher)), "exponents": Array("int64", (count,)),
                     "bits": Maybe(Array("int64", (count,))), "seconds": 0.0}
        key = {name: Array("uint8", (width,)) for name in ("n", "p", "q")}
        return {**super().state_spec(), "crypto": {
            "key": Maybe({**key, "seconds": 0.0}),
            "encrypted": OneOf(({}, {name: encrypted for name in CLIENT_NAMES})),
            "aggregated": Maybe(encrypted)}}

    def round_spec(self, entry: dict[str, Any]) -> Any:
        """A round's entry gains the what-if accuracies at its aggregation."""
        return OneOf((entry, {**entry, "average_accuracy": 0.0, "q24_accuracy": 0.0}))

    def _crypto_form(self) -> dict[str, Any]:
        objects = (self.keypair, self.aggregated, *(self.encrypted.get(name) for name in CLIENT_NAMES))
        for known, form in self._forms:
            if all(a is b for a, b in zip(known, objects, strict=True)):
                return form
        form = {"key": None if self.keypair is None else saved.key_plain(self.keypair),
                "encrypted": {name: saved.array_plain(array) for name, array in self.encrypted.items()},
                "aggregated": None if self.aggregated is None else saved.array_plain(self.aggregated)}
        self._keep_form(objects, form)
        return form

    def _crypto_objects(self, form: dict[str, Any]) -> tuple[KeyPair | None, dict[str, arrays.EncryptedArray],
                                                             arrays.EncryptedArray | None]:
        for known, other in self._forms:
            if _same_form(form, other):
                return known[0], {n: a for n, a in zip(CLIENT_NAMES, known[2:], strict=True) if a is not None}, \
                    known[1]
        size = self.model.weights.size
        keypair = None if form["key"] is None else saved.key_from_plain(form["key"], int(self.key_bits))
        if keypair is None and (form["encrypted"] or form["aggregated"] is not None):
            raise ValueError("encrypted models without the key that encrypted them")
        public = None if keypair is None else keypair.public_key
        encrypted = {name: saved.array_from_plain(plain, public, size) for name, plain in form["encrypted"].items()}
        aggregated = None if form["aggregated"] is None else saved.array_from_plain(form["aggregated"], public, size)
        self._keep_form((keypair, aggregated, *(encrypted.get(name) for name in CLIENT_NAMES)), form)
        return keypair, encrypted, aggregated

    def _keep_form(self, objects: tuple[Any, ...], form: dict[str, Any]) -> None:
        self._forms.append((objects, form))
        del self._forms[:-FORMS]


def _same_form(a: Any, b: Any) -> bool:
    """The same plain form: the same keys and values, the very same arrays."""
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(_same_form(a[k], b[k]) for k in a)
    if isinstance(a, np.ndarray):
        return a is b
    return type(a) is type(b) and a == b


EXPERIMENTS = (SecureAggregation,)
