"""Chapter 15's cryptography, written from its definitions with Python integers (no extra dependency).

Modules: `primes` (Miller–Rabin, random primes), `slices` (long work cut into small steps with progress and
cancel as plain callables), `encoding` (a float as mantissa·16^exponent, exactly), `paillier` (keys,
encryption, decryption, homomorphic addition), `arrays` (encrypted weight vectors, encrypting only what changed,
aggregation), `lab` (one key size's whole demonstration with every number and every step's time).

All randomness comes from the operating system (`secrets`), never from an experiment's RandomState: it changes
no decrypted value.
"""
