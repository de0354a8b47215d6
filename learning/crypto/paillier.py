"""The Paillier cryptosystem from its definition (BOOK.md, ch15.paillier), with Python integers.

Keys: n = p·q for two random primes of half the key length, g = n + 1, λ = lcm(p − 1, q − 1),
μ = L(g^λ mod n²)⁻¹ mod n with L(u) = (u − 1)/n.
Encryption of an integer m (0 ≤ m < n): c = g^m · r^n mod n² with a random r coprime to n.
Decryption: m = L(c^λ mod n²) · μ mod n.
Addition: Enc(a) · Enc(b) mod n² = Enc(a + b); Enc(a) · g^k = Enc(a + k); Enc(a)^k = Enc(k·a).

Floats travel as `EncryptedNumber`: the ciphertext of an exact encoding's mantissa (negative mantissas are stored
modulo n and read back as negative when above 2n/3) and its exponent, in the clear (encoding.py).

Two shortcuts compute exactly the same numbers as the definition, faster: g^m = 1 + m·n mod n² (the binomial
theorem, because g = n + 1), and decryption through the Chinese remainder theorem with p² and q²
(`decrypt_crt`, used for arrays; the tests check both against the definition).
"""

from __future__ import annotations

import math
import secrets
from dataclasses import dataclass, field

from learning.crypto.encoding import BASE, EncodedNumber, to_float
from learning.crypto.primes import random_prime_steps
from learning.crypto.slices import Progress, Steps, finish, powmod_steps, timed

#: A float's exact encoding has a mantissa of at most 53 + 3 bits (encoding.py).
FLOAT_MANTISSA_BITS = 56
#: The key sizes the lab offers: the book's (fast, insecure), then realistic ones.
KEY_SIZES = (128, 512, 1024, 2048)
#: Plain pow up to this modulus size; above it the sliced steps cut a single pow into ~6 ms slices.
_SLICE_ABOVE_BITS = 1500


class DecryptionError(ValueError):
    """A ciphertext that this key cannot have produced, or a sum that left the encodable range."""


@dataclass(frozen=True)
class PublicKey:
    """n and g = n + 1; everything an owner of data needs to encrypt."""

    n: int

    @property
    def g(self) -> int:
        """The generator g = n + 1."""
        return self.n + 1

    @property
    def nsquare(self) -> int:
        """n², the modulus of ciphertexts."""
        return self.n * self.n

    @property
    def bits(self) -> int:
        """The key size: the bit length of n."""
        return self.n.bit_length()

    @property
    def max_int(self) -> int:
        """The largest mantissa magnitude that can be encrypted: about n/3 (the rest marks negatives and
        overflow)."""
        return self.n // 3 - 1

    @property
    def ciphertext_bytes(self) -> int:
        """Bytes of one ciphertext (a number below n²): twice the key's."""
        return (self.nsquare.bit_length() + 7) // 8

    def g_pow(self, m: int) -> int:
        """g^m mod n², computed as 1 + m·n (exactly equal because g = n + 1)."""
        return (1 + (m % self.n) * self.n) % self.nsquare

    def random_r(self) -> int:
        """A random r in [1, n) coprime to n, from the operating system's randomness."""
        while True:
            r = 1 + secrets.randbelow(self.n - 1)
            if math.gcd(r, self.n) == 1:
                return r

    def obfuscator(self) -> int:
        """r^n mod n² for a fresh random r: the expensive part of an encryption."""
        return pow(self.random_r(), self.n, self.nsquare)

    def obfuscator_steps(self) -> Steps[int]:
        """The same in slices (one pow at 2048 bits takes ~90 ms)."""
        if self.nsquare.bit_length() <= _SLICE_ABOVE_BITS:
            return self.obfuscator()
        return (yield from powmod_steps(self.random_r(), self.n, self.nsquare))

    def raw_encrypt(self, m: int, obfuscator: int | None = None) -> int:
        """Enc(m) = g^m · r^n mod n² for an integer 0 ≤ m < n (negatives are taken modulo n)."""
        r_n = self.obfuscator() if obfuscator is None else obfuscator
        return self.g_pow(m) * r_n % self.nsquare

    def encode_mantissa(self, mantissa: int) -> int:
        """A mantissa as a plaintext: itself if ≥ 0, n + mantissa if negative; OverflowError beyond ±max_int."""
        if abs(mantissa) > self.max_int:
            raise OverflowError(f"a mantissa of {abs(mantissa).bit_length()} bits does not fit a "
                                f"{self.bits}-bit key (at most {self.max_int.bit_length()} bits)")
        return mantissa % self.n

    def encrypt(self, x: float, obfuscator: int | None = None) -> EncryptedNumber:
        """An exact encryption of a float (or int): its encoding's mantissa encrypted, its exponent in clear."""
        encoded = EncodedNumber.encode(x)
        return EncryptedNumber(self, self.raw_encrypt(self.encode_mantissa(encoded.mantissa), obfuscator),
                               encoded.exponent)

    def encrypt_steps(self, x: float) -> Steps[EncryptedNumber]:
        """encrypt() in slices."""
        obfuscator = yield from self.obfuscator_steps()
        return self.encrypt(x, obfuscator)


@dataclass(frozen=True)
class PrivateKey:
    """λ and μ (and p, q for the faster decryption); the model owner keeps it."""

    public_key: PublicKey
    p: int
    q: int
    lam: int = field(init=False)
    mu: int = field(init=False)

    def __post_init__(self) -> None:
        n = self.public_key.n
        if self.p * self.q != n:
            raise ValueError("p · q must equal n")
        lam = math.lcm(self.p - 1, self.q - 1)
        object.__setattr__(self, "lam", lam)
        # μ = L(g^λ mod n²)^(-1) mod n, as defined (g^λ = 1 + λ·n mod n², so μ = λ^(-1) mod n)
        object.__setattr__(self, "mu", pow(L(self.public_key.g_pow(lam), n), -1, n))
        # CRT constants: h_p = L_p(g^(p-1) mod p²)^(-1) mod p with g^(p-1) = 1 + (p-1)·n mod p²; the same for q
        for name, prime in (("_hp", self.p), ("_hq", self.q)):
            square = prime * prime
            object.__setattr__(self, name, pow(L((1 + (prime - 1) * n) % square, prime), -1, prime))
        object.__setattr__(self, "_q_inv", pow(self.q, -1, self.p))

    def _check(self, ciphertext: int) -> None:
        if not 0 < ciphertext < self.public_key.nsquare:
            raise DecryptionError("not a ciphertext of this key (it must lie between 0 and n²)")

    def raw_decrypt(self, ciphertext: int) -> int:
        """m = L(c^λ mod n²) · μ mod n, by the definition."""
        self._check(ciphertext)
        n = self.public_key.n
        return L(pow(ciphertext, self.lam, n * n), n) * self.mu % n

    def raw_decrypt_steps(self, ciphertext: int) -> Steps[int]:
        """raw_decrypt() in slices (one pow at 2048 bits takes ~90 ms)."""
        self._check(ciphertext)
        n = self.public_key.n
        if (n * n).bit_length() <= _SLICE_ABOVE_BITS:
            return self.raw_decrypt(ciphertext)
        u = yield from powmod_steps(ciphertext, self.lam, n * n)
        return L(u, n) * self.mu % n

    def decrypt_crt(self, ciphertext: int) -> int:
        """The same plaintext through the Chinese remainder theorem: two half-size pows mod p² and q², ~4× faster."""
        self._check(ciphertext)
        p, q = self.p, self.q
        m_p = L(pow(ciphertext, p - 1, p * p), p) * self._hp % p  # type: ignore[attr-defined]
        m_q = L(pow(ciphertext, q - 1, q * q), q) * self._hq % q  # type: ignore[attr-defined]
        return m_q + ((m_p - m_q) * self._q_inv % p) * q  # type: ignore[attr-defined]

    def decrypt_crt_steps(self, ciphertext: int) -> Steps[int]:
        """decrypt_crt() in slices when a pow would be long (2048-bit keys: ~20 ms per half)."""
        if (self.p * self.p).bit_length() <= _SLICE_ABOVE_BITS:
            return self.decrypt_crt(ciphertext)
        self._check(ciphertext)
        p, q = self.p, self.q
        m_p = L((yield from powmod_steps(ciphertext, p - 1, p * p)), p) * self._hp % p  # type: ignore[attr-defined]
        m_q = L((yield from powmod_steps(ciphertext, q - 1, q * q)), q) * self._hq % q  # type: ignore[attr-defined]
        return m_q + ((m_p - m_q) * self._q_inv % p) * q  # type: ignore[attr-defined]

    def decode_plaintext(self, plaintext: int) -> int:
        """A plaintext as a signed mantissa: negative above 2n/3; DecryptionError in the middle third (an overflow,
        or a ciphertext of another key)."""
        public = self.public_key
        if plaintext <= public.max_int:
            return plaintext
        if plaintext >= public.n - public.max_int:
            return plaintext - public.n
        raise DecryptionError("the decrypted number is outside the encodable range: a sum overflowed, or the "
                              "ciphertext was made with another key")

    def decrypt(self, number: EncryptedNumber, definition: bool = False) -> float:
        """The float an EncryptedNumber holds, rounded once (by the definition, or the equal, faster CRT)."""
        if number.public_key != self.public_key:
            raise DecryptionError("this number was encrypted with another key")
        plaintext = self.raw_decrypt(number.ciphertext) if definition else self.decrypt_crt(number.ciphertext)
        return to_float(self.decode_plaintext(plaintext), number.exponent)


def L(u: int, n: int) -> int:  # noqa: N802 - the definition's name
    """L(u) = (u − 1) / n (exact for the values Paillier feeds it)."""
    return (u - 1) // n


@dataclass(frozen=True)
class KeyPair:
    """A public and a private key, with the time their generation took."""

    public_key: PublicKey
    private_key: PrivateKey
    seconds: float = 0.0


def keypair_steps(bits: int) -> Steps[KeyPair]:
    """Generate a key pair of `bits` bits (n has exactly that many) in slices of at most one Miller–Rabin round;
    KeyPair.seconds is the time spent computing (not the pauses between slices)."""
    return (yield from _timed_keypair(bits))


def _timed_keypair(bits: int) -> Steps[KeyPair]:
    pair, seconds = yield from timed(_keypair_steps(bits))
    return KeyPair(pair.public_key, pair.private_key, seconds)


def _keypair_steps(bits: int) -> Steps[KeyPair]:
    if bits < 16 or bits % 2:
        raise ValueError(f"a Paillier key needs an even number of bits, at least 16 (got {bits})")
    while True:
        p = yield from random_prime_steps(bits // 2)
        yield Progress(1, 2, "prime")
        q = yield from random_prime_steps(bits // 2)
        n = p * q
        if p != q and n.bit_length() == bits and math.gcd(n, (p - 1) * (q - 1)) == 1:
            public = PublicKey(n)
            return KeyPair(public, PrivateKey(public, p, q))


def generate_keypair(bits: int = 128) -> KeyPair:
    """A key pair at once (the book's call was generate_paillier_keypair(n_length=128))."""
    return finish(keypair_steps(bits))


class EncryptedNumber:
    """A ciphertext of a mantissa, the exponent of its encoding, and `bits`: a public bound on the mantissa's size.

    The exponent is not secret (it is sent in the clear). `bits` is derived from public facts only: a float's
    encoding has a mantissa of at most 56 bits (53 significant bits shifted by at most 3), rescaling by 16^Δ adds 4Δ
    bits, an addition one bit. An operation that could make the mantissa reach n/3 raises OverflowError instead of
    wrapping around silently (a wrapped sum would decrypt to a wrong number without any sign of it).
    """

    __slots__ = ("public_key", "ciphertext", "exponent", "bits")

    def __init__(self, public_key: PublicKey, ciphertext: int, exponent: int, bits: int = FLOAT_MANTISSA_BITS) -> None:
        self.public_key = public_key
        self.ciphertext = ciphertext
        self.exponent = exponent
        self.bits = bits

    def __repr__(self) -> str:
        return f"EncryptedNumber(<{self.public_key.bits}-bit key>, exponent={self.exponent})"

    def _checked(self, bits: int) -> int:
        limit = self.public_key.max_int.bit_length() - 1
        if bits > limit:
            raise OverflowError(f"the result could need a {bits}-bit mantissa; a {self.public_key.bits}-bit key holds "
                                f"{limit} bits (the numbers' exponents are too far apart for this key)")
        return bits

    def rescaled(self, exponent: int) -> EncryptedNumber:
        """The same value with a smaller exponent: the ciphertext raised to 16^Δ multiplies the mantissa by 16^Δ."""
        delta = self.exponent - exponent
        if delta < 0:
            raise ValueError(f"cannot raise the exponent from {self.exponent} to {exponent} exactly")
        if delta == 0:
            return self
        bits = self._checked(self.bits + 4 * delta)
        nsquare = self.public_key.nsquare
        return EncryptedNumber(self.public_key, pow(self.ciphertext, BASE ** delta, nsquare), exponent, bits)

    def __add__(self, other: EncryptedNumber | float | int) -> EncryptedNumber:
        """Enc(a) + Enc(b) = Enc(a + b) (ciphertexts multiplied); Enc(a) + b uses g^b, no encryption needed."""
        key = self.public_key
        if isinstance(other, EncryptedNumber):
            if other.public_key != key:
                raise ValueError("numbers encrypted with different keys cannot be added")
            exponent = min(self.exponent, other.exponent)
            a, b = self.rescaled(exponent), other.rescaled(exponent)
            bits = self._checked(max(a.bits, b.bits) + 1)
            return EncryptedNumber(key, a.ciphertext * b.ciphertext % key.nsquare, exponent, bits)
        return self.add_encoded(EncodedNumber.encode(other))

    __radd__ = __add__

    def add_encoded(self, encoded: EncodedNumber) -> EncryptedNumber:
        """Enc(a) + b for an exact encoding b, known in plaintext: Enc(a) · g^b, no encryption needed."""
        key = self.public_key
        exponent = min(self.exponent, encoded.exponent)
        a = self.rescaled(exponent)
        mantissa = encoded.rescaled(exponent).mantissa
        bits = self._checked(max(a.bits, abs(mantissa).bit_length()) + 1)
        plaintext = key.encode_mantissa(mantissa)
        return EncryptedNumber(key, a.ciphertext * key.g_pow(plaintext) % key.nsquare, exponent, bits)

    def __mul__(self, k: int) -> EncryptedNumber:
        """Enc(a)^k = Enc(k·a) for a whole number k (negative k through the modular inverse)."""
        if not isinstance(k, int) or isinstance(k, bool):
            raise TypeError("an encrypted number can be multiplied by a whole number only")
        bits = self._checked(self.bits + abs(k).bit_length())
        nsquare = self.public_key.nsquare
        return EncryptedNumber(self.public_key, pow(self.ciphertext, k, nsquare), self.exponent, bits)

    __rmul__ = __mul__
