"""The Paillier lab: one key size, two numbers, every step of encrypt → add → decrypt with its numbers and time.

Qt-free data for the lab view. `lab_steps(a, b, bits)` is a sliced computation (slices.py): a view drives it from
a timer or a worker thread, shows `Progress.stage` (the stage running, one of STAGES; `done` = stages finished)
while it runs, and receives a `LabRun` at the end. Pass a
`keypair` to repeat the arithmetic with the same key (key generation at 2048 bits takes seconds).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from learning.crypto.arrays import FLOAT_BYTES
from learning.crypto.encoding import BASE, EncodedNumber, to_float
from learning.crypto.paillier import EncryptedNumber, KeyPair, L, PublicKey, keypair_steps
from learning.crypto.slices import Progress, Steps, finish, powmod_steps, timed

#: The stages of a lab run, in order (`Progress.stage` and the keys of LabRun.seconds).
STAGES = ("keygen", "encrypt_a", "encrypt_b", "add", "decrypt")


@dataclass(frozen=True)
class Encryption:
    """One number's way in: its exact encoding, the random r, g^m and r^n mod n², and the ciphertext."""

    value: float
    encoded: EncodedNumber
    plaintext: int
    r: int
    g_m: int
    r_n: int
    ciphertext: int


@dataclass(frozen=True)
class LabRun:
    """Everything the lab shows for one run."""

    bits: int
    n: int
    g: int
    lam: int
    mu: int
    a: Encryption
    b: Encryption
    #: The homomorphic sum: the ciphertexts (rescaled to a common exponent) multiplied mod n².
    sum_ciphertext: int
    sum_exponent: int
    #: Decryption of the sum: u = c^λ mod n², L(u), the plaintext m = L(u)·μ mod n, the signed mantissa.
    u: int
    l_u: int
    plaintext: int
    mantissa: int
    decrypted: float
    #: a + b computed in floating point, for comparison (the decryption is the exact sum rounded once).
    float_sum: float
    ciphertext_bytes: int
    float_bytes: int
    seconds: dict[str, float]
    keypair: KeyPair

    @property
    def exact(self) -> bool:
        """True when the decrypted sum equals the exactly rounded a + b (it always should)."""
        import math

        return self.decrypted == math.fsum([self.a.value, self.b.value])


def _staged(steps: Steps[Any], index: int) -> Steps[Any]:
    """`steps` with its progress reported as the lab's stage `index` (STAGES[index]) still running."""
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return stop.value
        yield Progress(index, len(STAGES), STAGES[index])


def _encrypt(public: PublicKey, value: float) -> Steps[Encryption]:
    encoded = EncodedNumber.encode(value)
    plaintext = public.encode_mantissa(encoded.mantissa)
    r = public.random_r()
    r_n = yield from powmod_steps(r, public.n, public.nsquare)
    g_m = public.g_pow(plaintext)
    return Encryption(float(value), encoded, plaintext, r, g_m, r_n, g_m * r_n % public.nsquare)


def lab_steps(a: float, b: float, bits: int = 128, keypair: KeyPair | None = None) -> Steps[LabRun]:
    """Generate a key (unless given), encrypt a and b, add the ciphertexts, decrypt the sum by the definition."""
    seconds: dict[str, float] = {}
    if keypair is None:
        keypair = yield from _staged(keypair_steps(bits), 0)
        seconds["keygen"] = keypair.seconds
    else:
        seconds["keygen"] = 0.0
    public, private = keypair.public_key, keypair.private_key
    yield Progress(1, len(STAGES), "encrypt_a")
    enc_a, seconds["encrypt_a"] = yield from timed(_staged(_encrypt(public, a), 1))
    yield Progress(2, len(STAGES), "encrypt_b")
    enc_b, seconds["encrypt_b"] = yield from timed(_staged(_encrypt(public, b), 2))
    yield Progress(3, len(STAGES), "add")
    total, seconds["add"] = yield from timed(_staged(_add(public, enc_a, enc_b), 3))
    yield Progress(4, len(STAGES), "decrypt")
    (u, plaintext), seconds["decrypt"] = yield from timed(_staged(_decrypt(keypair, total.ciphertext), 4))
    mantissa = private.decode_plaintext(plaintext)
    return LabRun(
        bits=public.bits, n=public.n, g=public.g, lam=private.lam, mu=private.mu, a=enc_a, b=enc_b,
        sum_ciphertext=total.ciphertext, sum_exponent=total.exponent, u=u, l_u=L(u, public.n), plaintext=plaintext,
        mantissa=mantissa, decrypted=to_float(mantissa, total.exponent), float_sum=float(a) + float(b),
        ciphertext_bytes=public.ciphertext_bytes, float_bytes=FLOAT_BYTES, seconds=seconds, keypair=keypair)


def _add(public: PublicKey, a: Encryption, b: Encryption) -> Steps[EncryptedNumber]:
    """Enc(a) · Enc(b) mod n², after bringing the one with the larger exponent down to the other's: its ciphertext
    raised to 16^Δ, in slices (Δ can reach ~500 hexadecimal digits: a pow of ~100 ms at 2048 bits)."""
    numbers = [EncryptedNumber(public, a.ciphertext, a.encoded.exponent),
               EncryptedNumber(public, b.ciphertext, b.encoded.exponent)]
    exponent = min(n.exponent for n in numbers)
    for k, number in enumerate(numbers):
        delta = number.exponent - exponent
        if delta:
            bits = number._checked(number.bits + 4 * delta)  # OverflowError before the long pow, as rescaled()
            ciphertext = yield from powmod_steps(number.ciphertext, BASE ** delta, public.nsquare)
            numbers[k] = EncryptedNumber(public, ciphertext, exponent, bits)
    return numbers[0] + numbers[1]


def _decrypt(keypair: KeyPair, ciphertext: int) -> Steps[tuple[int, int]]:
    private, n = keypair.private_key, keypair.public_key.n
    u = yield from powmod_steps(ciphertext, private.lam, n * n)
    return u, L(u, n) * private.mu % n


def lab(a: float, b: float, bits: int = 128, keypair: KeyPair | None = None) -> LabRun:
    """lab_steps() at once."""
    return finish(lab_steps(a, b, bits, keypair))
