"""Random primes by trial division and the Miller–Rabin test, with randomness from `secrets`."""

from __future__ import annotations

import secrets
from math import gcd

from learning.crypto.slices import Progress, Steps, finish


def _small_primes(limit: int) -> tuple[int, ...]:
    sieve = bytearray([1]) * limit
    sieve[0:2] = b"\x00\x00"
    for i in range(2, int(limit ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = bytearray(len(sieve[i * i::i]))
    return tuple(i for i in range(limit) if sieve[i])


#: Trial division removes most composites before the expensive test (all primes below 2000).
SMALL_PRIMES = _small_primes(2000)
_SMALL_PRODUCT = 1
for _p in SMALL_PRIMES:
    _SMALL_PRODUCT *= _p


def rounds_for(bits: int) -> int:
    """Miller–Rabin rounds for a random candidate of `bits` bits: an error below 2^-100 (FIPS 186-4, table C.2,
    for 512- and 1024-bit halves; generous below that, where a round costs microseconds)."""
    if bits >= 1024:
        return 5
    if bits >= 512:
        return 7
    if bits >= 256:
        return 16
    return 40


def miller_rabin_round(n: int, witness: int) -> bool:
    """One Miller–Rabin round: False if `witness` proves the odd n > 3 composite, True if n may be prime."""
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    x = pow(witness, d, n)
    if x in (1, n - 1):
        return True
    for _ in range(s - 1):
        x = x * x % n
        if x == n - 1:
            return True
    return False


def is_probable_prime(n: int, rounds: int | None = None) -> bool:
    """True if n is prime with probability of error below 4^-rounds (0, 1 and composites give False)."""
    if n < 2:
        return False
    for p in SMALL_PRIMES:
        if n % p == 0:
            return n == p
    rounds = rounds_for(n.bit_length()) if rounds is None else rounds
    return all(miller_rabin_round(n, 2 + secrets.randbelow(n - 3)) for _ in range(rounds))


def random_prime_steps(bits: int) -> Steps[int]:
    """A random prime of exactly `bits` bits with its two top bits set (so that two of them multiply to a number of
    exactly 2·bits bits). Yields after each Miller–Rabin round (one pow: ~6 ms at 1024 bits) and after every 32
    candidates that trial division rejects."""
    if bits < 8:
        raise ValueError("a prime for a Paillier key needs at least 8 bits")
    rounds = rounds_for(bits)
    tried = 0
    while True:
        candidate = secrets.randbits(bits) | (3 << (bits - 2)) | 1
        tried += 1
        if gcd(candidate, _SMALL_PRODUCT) != 1:  # a factor below 2000: one gcd instead of 300 divisions
            if tried % 32 == 0:
                yield Progress(tried, 0, "prime")
            continue
        for _ in range(rounds):
            passed = miller_rabin_round(candidate, 2 + secrets.randbelow(candidate - 3))
            yield Progress(tried, 0, "prime")
            if not passed:
                break
        else:
            return candidate


def random_prime(bits: int) -> int:
    """A random prime of exactly `bits` bits (top two bits set)."""
    return finish(random_prime_steps(bits))
