"""Keys and encrypted arrays as plain numpy arrays, and back (a saved run's form of them: learning.runfile keeps
plain values and arrays only).

Python's whole numbers of any size become rows of bytes (big-endian, of a fixed width): a key's n, p and q one
array each, an encrypted array's ciphertexts one (count × ciphertext bytes) array. Reading them back checks what a
hostile file could break: the key's size, p · q = n and an invertible λ (PrivateKey's own checks), row numbers inside
the vector, exponents a float's encoding can have, and the lengths of all the parts.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from learning.crypto.arrays import EncryptedArray
from learning.crypto.paillier import KeyPair, PrivateKey, PublicKey

#: A float's encoding has an exponent of 16 from about −282 to 242 (encoding.py); a little room either side.
EXPONENTS = (-300, 300)


def pack(numbers: list[int], width: int) -> np.ndarray:
    """Non-negative whole numbers below 256^width as a (count × width) uint8 array, big-endian."""
    data = b"".join(x.to_bytes(width, "big") for x in numbers)
    return np.frombuffer(data, dtype=np.uint8).reshape(len(numbers), width).copy()


def unpack(rows: np.ndarray) -> list[int]:
    """The whole numbers of pack()."""
    width = rows.shape[1]
    data = rows.tobytes()
    return [int.from_bytes(data[k:k + width], "big") for k in range(0, len(data), width)]


def key_plain(pair: KeyPair) -> dict[str, Any]:
    """A key pair as {"n", "p", "q": byte rows, "seconds": its generation time}."""
    width = (pair.public_key.bits + 7) // 8
    private = pair.private_key
    n, p, q = pack([pair.public_key.n, private.p, private.q], width)
    return {"n": n, "p": p, "q": q, "seconds": float(pair.seconds)}


def key_from_plain(plain: dict[str, Any], bits: int) -> KeyPair:
    """The key pair of key_plain(), which must have `bits` bits; ValueError if it is not a Paillier key."""
    n, p, q = (unpack(plain[k].reshape(1, -1))[0] for k in ("n", "p", "q"))
    if n.bit_length() != bits:
        raise ValueError(f"a {bits}-bit key expected, not a {n.bit_length()}-bit one")
    if not 1 < p < n or not 1 < q < n:
        raise ValueError("not a Paillier key: p and q must be factors of n")
    public = PublicKey(n)
    return KeyPair(public, PrivateKey(public, p, q), float(plain["seconds"]))  # PrivateKey checks p·q = n, λ, μ


def array_plain(array: EncryptedArray) -> dict[str, Any]:
    """An encrypted array (without its key) as {"size", "indices", "ciphertexts", "exponents", "bits", "seconds"}."""
    return {"size": array.size, "indices": np.asarray(array.indices, dtype=np.int64).copy(),
            "ciphertexts": pack(array.ciphertexts, array.public_key.ciphertext_bytes),
            "exponents": np.array(array.exponents, dtype=np.int64),
            "bits": None if array.bits is None else np.array(array.bits, dtype=np.int64),
            "seconds": float(array.seconds)}


def array_from_plain(plain: dict[str, Any], key: PublicKey, size: int) -> EncryptedArray:
    """The encrypted array of array_plain(), of a vector of `size` weights under `key`; ValueError if it is not
    one."""
    indices, ciphertexts, exponents, bits = (plain[k] for k in ("indices", "ciphertexts", "exponents", "bits"))
    count = len(indices)
    if plain["size"] != size or count > size:
        raise ValueError(f"an encrypted vector of {size} weights expected")
    if count and (indices[0] < 0 or indices[-1] >= size or (count > 1 and not (np.diff(indices) > 0).all())):
        raise ValueError("its weights' numbers must be ascending, each once, within the vector")
    if ciphertexts.shape != (count, key.ciphertext_bytes) or exponents.shape != (count,):
        raise ValueError(f"{count} ciphertexts of {key.ciphertext_bytes} bytes and their exponents expected")
    if count and (exponents.min() < EXPONENTS[0] or exponents.max() > EXPONENTS[1]):
        raise ValueError("exponents that no float has")
    numbers = unpack(ciphertexts)
    if any(not 0 < c < key.nsquare for c in numbers):
        raise ValueError("a ciphertext outside 1 … n² − 1")
    if bits is not None and (bits.shape != (count,) or (count and (bits.min() < 0 or bits.max() > key.bits))):
        raise ValueError("mantissa bounds outside the key's size")
    return EncryptedArray(key, size, indices.copy(), numbers, exponents.tolist(), float(plain["seconds"]),
                          None if bits is None else bits.tolist())
