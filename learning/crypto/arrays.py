"""Encrypted weight vectors: encrypt all weights or only those an update changed, add them, decrypt the sum.

A model update in chapter 15 is a vector of one weight per word. The book encrypts every weight. An update changes
only the weights of the words in its owner's e-mails, and the model owner already knows every other weight (it sent
them): so each owner may encrypt only the weights it changed, and the aggregator adds the known plaintext weight
in place of each missing one (Enc(a) · g^b = Enc(a + b), no encryption needed). The decrypted sum is identical. The
price: which weights an owner changed is visible — that is, which words its e-mails contain (the very leak of
ch15.federated-hack); only the values stay secret. `EncryptionCost` reports what this saves.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from learning.crypto.encoding import EncodedNumber, to_float
from learning.crypto.paillier import EncryptedNumber, PrivateKey, PublicKey
from learning.crypto.slices import Progress, Steps, finish

#: A slice ends after this much work (seconds); far below the 50 ms a window may stall.
SLICE_SECONDS = 0.005
FLOAT_BYTES = 8


def changed_indices(new: np.ndarray, base: np.ndarray) -> np.ndarray:
    """Indices where `new` differs from `base` bit for bit (so a −0.0 counts as a change from 0.0)."""
    new = np.ascontiguousarray(new, dtype=np.float64).reshape(-1)
    base = np.ascontiguousarray(base, dtype=np.float64).reshape(-1)
    return np.flatnonzero(new.view(np.int64) != base.view(np.int64))


@dataclass
class EncryptedArray:
    """Some entries of a weight vector of length `size`, encrypted: entry `indices[k]` is ciphertexts[k] with
    exponent exponents[k]. All entries when `indices` covers 0 … size − 1."""

    public_key: PublicKey
    size: int
    indices: np.ndarray
    ciphertexts: list[int]
    exponents: list[int]
    seconds: float = 0.0
    #: Public bounds on each entry's mantissa bits (EncryptedNumber.bits); None = fresh encryptions of floats.
    bits: list[int] | None = None

    def __len__(self) -> int:
        return len(self.ciphertexts)

    @property
    def dense(self) -> bool:
        """True when every weight of the vector is encrypted."""
        return len(self.ciphertexts) == self.size

    @property
    def nbytes(self) -> int:
        """Bytes of the ciphertexts (each as long as n²), without the exponents and indices."""
        return len(self.ciphertexts) * self.public_key.ciphertext_bytes

    def number(self, k: int) -> EncryptedNumber:
        """The k-th encrypted entry as an EncryptedNumber."""
        if self.bits is None:
            return EncryptedNumber(self.public_key, self.ciphertexts[k], self.exponents[k])
        return EncryptedNumber(self.public_key, self.ciphertexts[k], self.exponents[k], self.bits[k])

    def digest(self, k: int, length: int = 16) -> str:
        """A short hexadecimal fingerprint of the k-th ciphertext (an opaque block for a view)."""
        data = self.ciphertexts[k].to_bytes(self.public_key.ciphertext_bytes, "big")
        return hashlib.sha256(data).hexdigest()[:length]

    def fingerprint(self, length: int = 16) -> str:
        """A short fingerprint of the whole array."""
        h = hashlib.sha256()
        for c in self.ciphertexts:
            h.update(c.to_bytes(self.public_key.ciphertext_bytes, "big"))
        return h.hexdigest()[:length]


@dataclass(frozen=True)
class EncryptionCost:
    """What encrypting one update costs: weights of the model, weights encrypted, bytes and time."""

    weights: int
    encrypted: int
    ciphertext_bytes: int
    seconds: float

    @property
    def encrypted_bytes(self) -> int:
        """Bytes sent as ciphertexts."""
        return self.encrypted * self.ciphertext_bytes

    @property
    def plain_bytes(self) -> int:
        """Bytes of the same update as float64 weights, unencrypted (8 per weight)."""
        return self.weights * FLOAT_BYTES

    @property
    def all_bytes(self) -> int:
        """Bytes if every weight were encrypted (the book)."""
        return self.weights * self.ciphertext_bytes

    @property
    def saved_fraction(self) -> float:
        """The fraction of encryptions (time and ciphertext bytes) saved by encrypting only the changed weights."""
        return 1.0 - self.encrypted / self.weights if self.weights else 0.0

    @property
    def bytes_per_weight(self) -> int:
        """Ciphertext bytes per encrypted weight (vs 8 for a float)."""
        return self.ciphertext_bytes


def cost(array: EncryptedArray) -> EncryptionCost:
    """The cost figures of an encrypted array."""
    return EncryptionCost(array.size, len(array), array.public_key.ciphertext_bytes, array.seconds)


def encrypt_array_steps(public_key: PublicKey, values: np.ndarray,
                        indices: np.ndarray | None = None) -> Steps[EncryptedArray]:
    """Encrypt `values` (all of them, or only `values[indices]`), yielding Progress(done, total) about every 5 ms."""
    values = np.asarray(values, dtype=np.float64).reshape(-1)
    chosen = np.arange(values.size) if indices is None else np.asarray(indices, dtype=np.int64).reshape(-1)
    total = int(chosen.size)
    ciphertexts: list[int] = []
    exponents: list[int] = []
    spent = 0.0
    start = last = time.perf_counter()
    for done, x in enumerate(values[chosen].tolist(), 1):
        number = yield from public_key.encrypt_steps(x)
        ciphertexts.append(number.ciphertext)
        exponents.append(number.exponent)
        now = time.perf_counter()
        if now - last >= SLICE_SECONDS and done < total:
            spent += now - start
            yield Progress(done, total, "encrypt")
            start = last = time.perf_counter()
    spent += time.perf_counter() - start
    return EncryptedArray(public_key, int(values.size), chosen, ciphertexts, exponents, spent)


def encrypt_array(public_key: PublicKey, values: np.ndarray, indices: np.ndarray | None = None) -> EncryptedArray:
    """encrypt_array_steps() at once."""
    return finish(encrypt_array_steps(public_key, values, indices))


def add_arrays_steps(arrays: Sequence[EncryptedArray], base: np.ndarray | None = None) -> Steps[EncryptedArray]:
    """The homomorphic sum of encrypted vectors of the same size and key.

    Where an array lacks an entry (it encrypted only what changed), `base` (the weights everybody started from,
    known to the aggregator) is added in plaintext in its place. The result covers the union of the indices."""
    if not arrays:
        raise ValueError("nothing to add")
    begun = time.perf_counter()
    key, size = arrays[0].public_key, arrays[0].size
    for a in arrays:
        if a.public_key != key or a.size != size:
            raise ValueError("encrypted arrays of different keys or sizes cannot be added")
    union = np.unique(np.concatenate([a.indices for a in arrays])) if arrays else np.empty(0, np.int64)
    if any(a.size != len(a.indices) for a in arrays) and base is None:
        raise ValueError("adding arrays that encrypt only some weights needs the base weights")
    positions = [_positions(a.indices, union) for a in arrays]
    base_list = None if base is None else np.asarray(base, dtype=np.float64).reshape(-1)
    ciphertexts: list[int] = []
    exponents: list[int] = []
    bits: list[int] = []
    spent = time.perf_counter() - begun
    yield Progress(0, len(union), "add")  # the set-up above is a slice of its own
    start = last = time.perf_counter()
    for done, i in enumerate(union.tolist(), 1):
        total: EncryptedNumber | None = None
        missing = 0
        for a, where in zip(arrays, positions, strict=True):
            k = where[done - 1]
            if k < 0:
                missing += 1
                continue
            number = a.number(k)
            total = number if total is None else total + number
        assert total is not None  # i is in the union, so some array has it
        if missing:
            total = _add_plain(total, float(base_list[i]), missing)  # type: ignore[index]
        ciphertexts.append(total.ciphertext)
        exponents.append(total.exponent)
        bits.append(total.bits)
        now = time.perf_counter()
        if now - last >= SLICE_SECONDS and done < len(union):
            spent += now - start
            yield Progress(done, len(union), "add")
            start = last = time.perf_counter()
    spent += time.perf_counter() - start
    return EncryptedArray(key, size, union, ciphertexts, exponents, spent, bits)


def _positions(indices: np.ndarray, union: np.ndarray) -> list[int]:
    """For each index of `union`, its position in `indices`, or −1 where `indices` lacks it (vectorised: a Python
    dictionary of 50,000 entries would hold the interpreter for tens of milliseconds)."""
    indices = np.asarray(indices, dtype=np.int64)
    if len(indices) == 0:
        return [-1] * len(union)
    order = np.argsort(indices, kind="stable")
    ordered = indices[order]
    at = np.minimum(np.searchsorted(ordered, union), len(ordered) - 1)
    return np.where(ordered[at] == union, order[at], -1).tolist()


def _add_plain(total: EncryptedNumber, weight: float, times: int) -> EncryptedNumber:
    """total + times·weight, exactly (the plaintext known to the aggregator enters as g^(times·mantissa))."""
    encoded = EncodedNumber.encode(weight)
    return total.add_encoded(EncodedNumber(encoded.mantissa * times, encoded.exponent))


def add_arrays(arrays: Sequence[EncryptedArray], base: np.ndarray | None = None) -> EncryptedArray:
    """add_arrays_steps() at once."""
    return finish(add_arrays_steps(arrays, base))


def decrypt_array_steps(private_key: PrivateKey, array: EncryptedArray) -> Steps[np.ndarray]:
    """The decrypted entries of `array` (in the order of its indices), each rounded once to a float."""
    if array.public_key != private_key.public_key:
        raise ValueError("these numbers were encrypted with another key")
    out = np.empty(len(array))
    start = time.perf_counter()
    for k, (c, e) in enumerate(zip(array.ciphertexts, array.exponents, strict=True)):
        plaintext = yield from private_key.decrypt_crt_steps(c)
        out[k] = to_float(private_key.decode_plaintext(plaintext), e)
        if time.perf_counter() - start >= SLICE_SECONDS and k + 1 < len(array):
            yield Progress(k + 1, len(array), "decrypt")
            start = time.perf_counter()
    return out


def decrypt_array(private_key: PrivateKey, array: EncryptedArray) -> np.ndarray:
    """decrypt_array_steps() at once."""
    return finish(decrypt_array_steps(private_key, array))
