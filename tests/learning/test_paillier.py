"""Paillier from its definition: primes, keys, exact float encoding, homomorphic sums, wrong keys, slices."""

from __future__ import annotations

import math
import random
import struct

import numpy as np
import pytest

from learning.crypto import arrays, primes
from learning.crypto.encoding import EncodedNumber, to_float
from learning.crypto.lab import lab, lab_steps
from learning.crypto.paillier import (
    DecryptionError,
    EncryptedNumber,
    L,
    PrivateKey,
    PublicKey,
    generate_keypair,
    keypair_steps,
)
from learning.crypto.slices import Cancelled, Progress, finish, powmod_steps, run, run_for

# A fixed test stream for the values (the keys and the encryption randomness come from `secrets`).
R = random.Random(20240615)


@pytest.fixture(scope="module")
def key128():
    return generate_keypair(128)


@pytest.fixture(scope="module")
def key512():
    return generate_keypair(512)


def random_float(r: random.Random) -> float:
    """Any finite double: random bits, redrawn when they spell an infinity or a NaN."""
    while True:
        x = struct.unpack("<d", struct.pack("<Q", r.getrandbits(64)))[0]
        if math.isfinite(x):
            return x


# -- primes -------------------------------------------------------------------------------------------------------
def test_miller_rabin_knows_primes_carmichael_numbers_and_squares():
    # primes p ≡ 1 mod 4 too: their rounds reach −1 only after some squarings (65537 = 2^16 + 1, 998244353 =
    # 119·2^23 + 1, the largest prime below 2^64)
    known_primes = [2, 3, 5, 1999, 2003, 7919, 65537, 998244353, 2**64 - 59, 2**61 - 1, 2**89 - 1, 2**127 - 1]
    composites = [1, 0, 4, 561, 1105, 1729, 2465, 41041, 825265, 2003 * 2011, (2**61 - 1) * (2**31 - 1),
                  3215031751, 2**127 + 1]  # Carmichael numbers and a strong pseudoprime to bases 2, 3, 5, 7
    assert all(primes.is_probable_prime(p) for p in known_primes)
    assert not any(primes.is_probable_prime(c) for c in composites)
    assert primes.miller_rabin_round(998244353, 3)  # 3 is a primitive root: −1 appears at the 22nd squaring
    # one round with witness 2 is fooled by 3215031751 (a strong pseudoprime), witness 11 is not
    assert primes.miller_rabin_round(3215031751, 2) and not primes.miller_rabin_round(3215031751, 11)


def test_random_primes_have_exactly_the_bits_asked_for():
    for bits in (32, 64, 100):
        p = primes.random_prime(bits)
        assert p.bit_length() == bits and p >> (bits - 2) == 3
        assert all(pow(a, p - 1, p) == 1 for a in (2, 3, 5, 7))  # Fermat, independent of the code under test


# -- keys ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("bits", [128, 512, 1024, 2048])
def test_key_generation_follows_the_definition(bits):
    pair = generate_keypair(bits)
    pub, priv = pair.public_key, pair.private_key
    n = pub.n
    assert n.bit_length() == bits == pub.bits and priv.p * priv.q == n and priv.p != priv.q
    assert priv.p.bit_length() == priv.q.bit_length() == bits // 2
    assert pub.g == n + 1
    assert priv.lam == (priv.p - 1) * (priv.q - 1) // math.gcd(priv.p - 1, priv.q - 1)
    # μ = L(g^λ mod n²)^(-1) mod n with g^λ by a plain pow, not the code's shortcut
    assert priv.mu * L(pow(n + 1, priv.lam, n * n), n) % n == 1
    assert pub.ciphertext_bytes == 2 * bits // 8
    m = 123456789
    assert pub.g_pow(m) == pow(n + 1, m, n * n)
    # the sliced paths (a single pow is cut into pieces from 1024 bits on) give the same numbers
    values = np.array([0.1, -2.5e-9])
    enc = arrays.encrypt_array(pub, values)
    assert np.array_equal(arrays.decrypt_array(priv, enc), values)
    assert priv.raw_decrypt(enc.ciphertexts[0]) == priv.decrypt_crt(enc.ciphertexts[0]) == finish(
        priv.decrypt_crt_steps(enc.ciphertexts[0]))


def test_key_generation_is_sliced_and_can_be_cancelled():
    seen = []
    with pytest.raises(Cancelled):
        run(keypair_steps(512), progress=seen.append, cancelled=lambda: len(seen) >= 3)
    assert len(seen) == 3 and all(isinstance(p, Progress) for p in seen)
    with pytest.raises(ValueError, match="even number of bits"):
        generate_keypair(127)


# -- encoding -----------------------------------------------------------------------------------------------------
def test_encoding_is_exact_for_any_float():
    specials = [0.1, -0.1, 1.0, 3.0, 1024.0, 2.0 ** 60, -2.5, 5e-324, -5e-324, 2.2250738585072014e-308,
                1.7976931348623157e308, 0.30000000000000004]
    for x in specials + [random_float(R) for _ in range(3000)]:
        e = EncodedNumber.encode(x)
        # the value is mantissa · 16^exponent exactly: compare as exact rationals
        assert _exact(e) == _fraction(x), x
        assert e.decode() == x
        assert abs(e.mantissa).bit_length() <= 56
        # the exponent tells only the magnitude: ⌊(frexp exponent − 53) / 4⌋
        assert e.exponent == (math.frexp(x)[1] - 53) // 4


def _fraction(x):
    from fractions import Fraction

    return Fraction(x)


def _exact(e):
    from fractions import Fraction

    return Fraction(e.mantissa) * Fraction(16) ** e.exponent


def test_zero_and_whole_numbers_do_not_stand_out():
    # zero is encoded like a number near 1, a whole number like any number of its size
    assert EncodedNumber.encode(0.0) == EncodedNumber(0, -14) == EncodedNumber.encode(-0.0)
    assert EncodedNumber.encode(0.75).exponent == EncodedNumber.encode(0.0).exponent
    assert EncodedNumber.encode(1024.0) == EncodedNumber(2 ** 54, -11)  # 2^54 · 16^-11 = 2^10
    assert EncodedNumber.encode(1024.0).exponent == EncodedNumber.encode(1500.3).exponent


def test_encoding_refuses_infinities_and_nans():
    for bad in (math.inf, -math.inf, math.nan):
        with pytest.raises(ValueError):
            EncodedNumber.encode(bad)


def test_decoding_rounds_once_to_nearest_even():
    # 1 + 2^-53 lies exactly between two floats: ties go to the even one (1.0); a hair above rounds up
    assert to_float(2 ** 56 + 8, -14) == 1.0 and to_float(2 ** 56 + 9, -14) == 1.0 + 2.0 ** -52
    assert to_float(-(2 ** 56 + 24), -14) == -(1.0 + 2.0 ** -51)  # the other tie goes up to the even neighbour
    with pytest.raises(OverflowError):
        to_float(1, 300)


# -- encryption and addition --------------------------------------------------------------------------------------
def test_encrypt_decrypt_random_values_both_ways(key128):
    pub, priv = key128.public_key, key128.private_key
    values = [R.uniform(-1e3, 1e3) for _ in range(100)] + [R.uniform(-1e-3, 1e-3) for _ in range(50)]
    values += [0.0, 1e-20, -7.0, 12345678901234.0]
    for x in values:
        c = pub.encrypt(x)
        assert priv.decrypt(c) == x and priv.decrypt(c, definition=True) == x
        assert priv.raw_decrypt(c.ciphertext) == priv.decrypt_crt(c.ciphertext)


def test_encryption_is_randomised(key128):
    pub = key128.public_key
    assert pub.encrypt(0.5).ciphertext != pub.encrypt(0.5).ciphertext


def test_negative_mantissas_live_above_two_thirds_of_n(key128):
    pub, priv = key128.public_key, key128.private_key
    c = pub.encrypt(-3.0)
    plaintext = priv.raw_decrypt(c.ciphertext)
    mantissa = EncodedNumber.encode(-3.0).mantissa
    assert mantissa < 0 and plaintext == pub.n + mantissa and plaintext > 2 * pub.n // 3
    assert priv.decrypt(c) == -3.0
    assert priv.decrypt(pub.encrypt(2.0) + pub.encrypt(-5.0)) == -3.0


def test_sums_of_three_are_the_exact_sum_rounded_once(key128):
    pub, priv = key128.public_key, key128.private_key
    checked = 0
    for _ in range(300):
        scale = 10.0 ** R.randint(-12, 3)
        trio = [R.uniform(-1, 1) * scale * 10.0 ** R.randint(-4, 0) for _ in range(3)]
        total = pub.encrypt(trio[0]) + pub.encrypt(trio[1]) + pub.encrypt(trio[2])
        got = priv.decrypt(total)
        assert got == math.fsum(trio)
        checked += got != (trio[0] + trio[1]) + trio[2]  # cases where float addition would differ
    assert checked > 0  # the test exercised the difference between exact and float sums


def test_floats_of_very_different_exponents_add_exactly(key512):
    pub, priv = key512.public_key, key512.private_key
    a, b = 1.0, 2.0 ** -100
    total = pub.encrypt(a) + pub.encrypt(b)
    assert total.exponent == EncodedNumber.encode(b).exponent  # rescaled to the smaller exponent
    assert priv.decrypt(total) == 1.0  # the exact 1 + 2^-100 rounds to 1.0
    # the plaintext holds the exact sum: mantissa · 16^exponent = 1 + 2^-100
    mantissa = priv.decode_plaintext(priv.raw_decrypt(total.ciphertext))
    assert _exact(EncodedNumber(mantissa, total.exponent)) == _fraction(1.0) + _fraction(2.0 ** -100)
    # the tiny part survives a cancellation: (1 + 2^-100) − 1 = 2^-100
    assert priv.decrypt(total + pub.encrypt(-1.0)) == 2.0 ** -100
    big, tiny = 3.0e12, -7.0e-60
    assert priv.decrypt(pub.encrypt(big) + pub.encrypt(tiny) + pub.encrypt(-big)) == tiny


def test_too_wide_a_spread_of_exponents_overflows_loudly(key128):
    pub, priv = key128.public_key, key128.private_key
    assert priv.decrypt(pub.encrypt(1e300)) == 1e300  # any single float fits: at most 56 mantissa bits
    with pytest.raises(OverflowError):
        pub.encode_mantissa(2 ** 127)
    # 1.0 brought down to 2^-200's exponent needs a 200-bit mantissa: refused, never a silent wrap-around
    with pytest.raises(OverflowError, match="too far apart"):
        pub.encrypt(1.0) + pub.encrypt(2.0 ** -200)
    with pytest.raises(OverflowError):
        pub.encrypt(1.0) + 2.0 ** -200
    # the bound is public: 56 bits per float, 4 per hexadecimal digit of rescaling, 1 per addition
    total = pub.encrypt(1.0) + pub.encrypt(2.0 ** -40)
    assert total.bits == 56 + 4 * 10 + 1
    # the middle third of the plaintexts is never a valid number: forcing one in is caught on decryption
    with pytest.raises(DecryptionError):
        priv.decode_plaintext(pub.n // 2)


def test_plaintext_addition_and_whole_number_multiples(key128):
    pub, priv = key128.public_key, key128.private_key
    c = pub.encrypt(0.25)
    assert priv.decrypt(c + 0.5) == 0.75 and priv.decrypt(0.5 + c) == 0.75
    assert priv.decrypt(c * 3) == 0.75 and priv.decrypt(c * -2) == -0.5


def test_no_wrong_key_decrypts(key128):
    other = generate_keypair(128)
    c = key128.public_key.encrypt(42.0)
    with pytest.raises(DecryptionError):
        other.private_key.decrypt(c)
    # even forcing the ciphertext through the other key's arithmetic does not give 42 back
    forced = EncryptedNumber(other.public_key, c.ciphertext % other.public_key.nsquare, c.exponent)
    try:
        assert other.private_key.decrypt(forced) != 42.0
    except DecryptionError:
        pass
    with pytest.raises(DecryptionError):
        key128.private_key.raw_decrypt(key128.public_key.nsquare + 5)  # not below n²
    with pytest.raises(ValueError):
        c + other.public_key.encrypt(1.0)


def test_private_key_must_match_n():
    with pytest.raises(ValueError):
        PrivateKey(PublicKey(15), 3, 7)


# -- arrays -------------------------------------------------------------------------------------------------------
def test_arrays_sum_and_sparse_encryption_give_the_same_bits(key128):
    pub, priv = key128.public_key, key128.private_key
    rs = np.random.RandomState(3)
    base = rs.uniform(-0.01, 0.01, 60)
    models = []
    for touched in (rs.rand(60) < 0.3, rs.rand(60) < 0.5, rs.rand(60) < 0.2):
        m = base.copy()
        m[touched] -= rs.uniform(-0.05, 0.05, touched.sum())
        models.append(m)
    exact = np.array([math.fsum(col) for col in zip(*models, strict=True)])
    dense = arrays.add_arrays([arrays.encrypt_array(pub, m) for m in models])
    assert dense.dense and np.array_equal(arrays.decrypt_array(priv, dense), exact)
    sparse_parts = [arrays.encrypt_array(pub, m, arrays.changed_indices(m, base)) for m in models]
    assert sum(len(p) for p in sparse_parts) < 3 * 60
    summed = arrays.add_arrays(sparse_parts, base)
    got = base * 3.0  # the owner's plaintext part: nobody changed these weights
    got[summed.indices] = arrays.decrypt_array(priv, summed)
    assert np.array_equal(got, exact)
    cost = arrays.cost(sparse_parts[0])
    assert cost.encrypted == len(arrays.changed_indices(models[0], base)) and cost.weights == 60
    assert cost.saved_fraction == pytest.approx(1 - cost.encrypted / 60)
    assert cost.encrypted_bytes == cost.encrypted * 32 and cost.plain_bytes == 480 and cost.all_bytes == 60 * 32
    with pytest.raises(ValueError, match="base weights"):
        arrays.add_arrays(sparse_parts)


def test_changed_indices_compare_bits():
    a = np.array([0.0, 1.0, -0.0, 2.0])
    b = np.array([0.0, 1.5, 0.0, 2.0])
    assert arrays.changed_indices(a, b).tolist() == [1, 2]


def test_digests_are_short_and_differ(key128):
    enc = arrays.encrypt_array(key128.public_key, np.array([1.0, 1.0]))
    assert len(enc.digest(0)) == 16 and enc.digest(0) != enc.digest(1)
    assert enc.nbytes == 2 * 32


# -- slices -------------------------------------------------------------------------------------------------------
def test_sliced_pow_equals_pow():
    r = random.Random(7)
    modulus = r.getrandbits(4096) | 1
    for exponent in (0, 1, 2, 15, 16, 17, r.getrandbits(2048), r.getrandbits(300)):
        base = r.getrandbits(3000)
        assert finish(powmod_steps(base, exponent, modulus)) == pow(base, exponent, modulus)
    slices = list(powmod_steps(3, r.getrandbits(2048), modulus, slice_bits=128))
    assert len(slices) == 2048 // 128 - 1


def test_run_for_stops_and_resumes():
    steps = powmod_steps(5, 2 ** 4000 + 12345, 2 ** 521 - 1, slice_bits=4)
    finished, result, last = run_for(steps, 0.0)  # one slice only
    assert not finished and last is not None and last.done == 1
    finished, result, _ = run_for(steps, 60.0)
    assert finished and result == pow(5, 2 ** 4000 + 12345, 2 ** 521 - 1)


# -- the lab ------------------------------------------------------------------------------------------------------
def test_lab_shows_every_step(key128):
    run_ = lab(5.0, 3.0, keypair=key128)
    assert run_.decrypted == 8.0 and run_.exact  # the book's "The Answer: 8"
    n = run_.n
    assert run_.a.ciphertext == pow(n + 1, run_.a.plaintext, n * n) * pow(run_.a.r, n, n * n) % (n * n)
    assert run_.u == pow(run_.sum_ciphertext, run_.lam, n * n) and run_.plaintext == run_.l_u * run_.mu % n
    assert set(run_.seconds) == {"keygen", "encrypt_a", "encrypt_b", "add", "decrypt"}
    assert run_.ciphertext_bytes == 32 and run_.float_bytes == 8
    stages = [p.stage for p in lab_steps(0.1, 0.2, keypair=key128)]
    assert list(dict.fromkeys(stages)) == ["encrypt_a", "encrypt_b", "add", "decrypt"]  # the key was given
    slow = [p for p in lab_steps(0.1, 0.2, bits=512)]
    assert [p.stage for p in slow].count("keygen") > 1  # key generation reports its progress as it goes
    neg = lab(-0.1, 0.2, keypair=key128)
    assert neg.decrypted == math.fsum([-0.1, 0.2]) and neg.mantissa == neg.plaintext  # positive sum


def test_lab_adds_far_apart_exponents_in_slices(key512):
    # 2^100 + 2^-100 at 512 bits: 2^100 comes down 50 hexadecimal digits (a 200-bit power of its ciphertext)
    steps = lab_steps(2.0 ** 100, 2.0 ** -100, keypair=key512)
    adding = 0
    while True:
        try:
            progress = next(steps)
        except StopIteration as stop:
            result = stop.value
            break
        adding += progress.stage == "add"
    assert result.decrypted == math.fsum([2.0 ** 100, 2.0 ** -100]) and result.exact
    n = result.n
    rescaled = pow(result.a.ciphertext, 16 ** (result.a.encoded.exponent - result.b.encoded.exponent), n * n)
    assert result.sum_ciphertext == rescaled * result.b.ciphertext % (n * n)
    assert adding > 1  # the rescaling pow went in slices
    with pytest.raises(OverflowError, match="too far apart"):
        lab(1.0, 2.0 ** -600, keypair=key512)
