"""A float as an integer mantissa times a power of 16, exactly (BOOK.md, ch15.paillier).

Paillier encrypts integers modulo n. A binary float x = M·2^f (M an integer of at most 53 bits) is always
mantissa·16^exponent with an integer mantissa: choose exponent ≤ f/4 and mantissa = M·2^(f − 4·exponent).
No precision is lost. Two encodings are added after bringing the one with the larger exponent down to the other's
(its mantissa times 16^Δ), which is exact too; the decoded sum is rounded once, to the nearest float.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

BASE = 16
_LOG2_BASE = 4
_FLOAT_BITS = 53


@dataclass(frozen=True, slots=True)
class EncodedNumber:
    """The exact value mantissa · 16^exponent."""

    mantissa: int
    exponent: int

    @classmethod
    def encode(cls, x: float) -> EncodedNumber:
        """The exact encoding of a finite float. The exponent depends only on the float's magnitude (as in
        python-paillier): x = M·2^(e − 53) with |M| < 2^53 (math.frexp), exponent = ⌊(e − 53)/4⌋, so the mantissa has
        at most 56 bits and two numbers of similar size share an exponent. Zero is encoded like a number near 1."""
        x = float(x)
        if not math.isfinite(x):
            raise ValueError(f"only finite numbers can be encoded (got {x!r})")
        _, e = math.frexp(x)
        exponent = (e - _FLOAT_BITS) // _LOG2_BASE
        numerator, denominator = x.as_integer_ratio()  # denominator = 2^k
        shift = -exponent * _LOG2_BASE - (denominator.bit_length() - 1)  # 16^exponent divides x exactly
        return cls(numerator << shift if shift >= 0 else numerator >> -shift, exponent)  # exact either way

    def rescaled(self, exponent: int) -> EncodedNumber:
        """The same value with a smaller (or equal) exponent: the mantissa times 16^Δ."""
        delta = self.exponent - exponent
        if delta < 0:
            raise ValueError(f"cannot raise the exponent from {self.exponent} to {exponent} exactly")
        return EncodedNumber(self.mantissa * BASE ** delta, exponent)

    def __add__(self, other: EncodedNumber) -> EncodedNumber:
        exponent = min(self.exponent, other.exponent)
        return EncodedNumber(self.rescaled(exponent).mantissa + other.rescaled(exponent).mantissa, exponent)

    def decode(self) -> float:
        """The value rounded once to the nearest float (ties to even); OverflowError beyond the float range."""
        return to_float(self.mantissa, self.exponent)


def to_float(mantissa: int, exponent: int) -> float:
    """mantissa · 16^exponent rounded once to the nearest float (Python's int true division is correctly
    rounded); OverflowError if it is beyond the largest float."""
    if exponent >= 0:
        return float(mantissa * BASE ** exponent)
    return mantissa / BASE ** -exponent


def exact_sum(values: list[float]) -> float:
    """The exact sum of floats rounded once (what decrypting an encrypted sum gives): math.fsum, which is correctly
    rounded too."""
    return math.fsum(values)
