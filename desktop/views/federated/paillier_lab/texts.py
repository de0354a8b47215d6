"""Every word of the Paillier lab in the current language, and its results written out as HTML."""

from __future__ import annotations

import html

from PySide6.QtCore import QObject

from learning.crypto.encoding import EncodedNumber
from learning.crypto.lab import LabRun

#: The tables' spacing (Qt's rich text puts cells edge to edge otherwise).
TABLE = "<table cellspacing='2' cellpadding='2'>"
#: Digits of a big number shown at each end when numbers are shortened.
ENDS = 10


def digits(value: int, full: bool) -> str:
    """A big number written out: whole, or its first and last digits and how many there are."""
    text = str(value)
    if full or len(text) <= 2 * ENDS + 3:
        return text
    return f"{text[:ENDS]}…{text[-ENDS:]}"


def duration(seconds: float) -> str:
    """A duration as "1.23 s", "12.3 ms" or "45 µs"."""
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.0f} µs"


def encoding(value: float) -> str:
    """x = mantissa · 16^exponent, exactly (the encoding Paillier encrypts)."""
    encoded = EncodedNumber.encode(value)
    return f"{value!r} = {encoded.mantissa} · 16^{encoded.exponent}".replace("-", "−")


class LabTexts(QObject):
    """The lab's words; every string goes through tr() in this context."""

    def title(self) -> str:
        """The view's name."""
        return self.tr("Paillier lab")

    def key_size(self, bits: int) -> str:
        """An entry of the key-size picker."""
        if bits == 128:
            return self.tr("128 bits (the book: fast, insecure)")
        return self.tr("{0} bits").format(bits)

    def labels(self) -> dict[str, str]:
        """Labels and buttons."""
        return {"key": self.tr("Key"), "run": self.tr("Encrypt, add, decrypt"), "new": self.tr("New key"),
                "cancel": self.tr("Cancel"), "full": self.tr("All digits")}

    def tips(self) -> dict[str, str]:
        """Tooltips."""
        return {"run": self.tr("Encrypt a and b with the public key, multiply the ciphertexts (= add the numbers), "
                               "decrypt the result with the private key; the key of this size is made first if there "
                               "is none yet"),
                "new": self.tr("Make a new key pair of this size, then encrypt, add and decrypt"),
                "cancel": self.tr("Stop the computation (nothing of it is kept)"),
                "full": self.tr("Write the big numbers out in full"),
                "a": self.tr("The first number (any decimal number)"),
                "b": self.tr("The second number")}

    def stage(self, stage: str, done: int) -> str:
        """What is being computed."""
        return {"keygen": self.tr("making the key: looking for two large primes…"),
                "prime": self.tr("making the key: looking for two large primes…"),
                "encrypt_a": self.tr("encrypting a: r^n mod n²…"), "encrypt_b": self.tr("encrypting b: r^n mod n²…"),
                "add": self.tr("adding: multiplying the ciphertexts…"),
                "decrypt": self.tr("decrypting: c^λ mod n²…")}.get(stage, stage)

    def bad_number(self, which: str) -> str:
        """A field that does not hold a number."""
        return self.tr("{0} is not a number: type a decimal number such as 5, −0.25 or 1e-3").format(which)

    def typed(self, a: float, b: float) -> str:
        """The status line before a run: the numbers' exact encodings."""
        return self.tr("Exactly: {0}; {1}").format(encoding(a), encoding(b))

    def cancelled(self) -> str:
        """After Cancel."""
        return self.tr("Cancelled: nothing of that computation was kept")

    def failed(self, message: str) -> str:
        """A computation refused (a sum too wide for the key)."""
        return self.tr("Refused: {0}").format(message)

    def done(self, run: LabRun) -> str:
        """The status line after a run."""
        return self.tr("Dec(Enc(a) · Enc(b)) = {0} = a + b; {1} bits").format(repr(run.decrypted), run.bits)

    def intro(self) -> str:
        """What the results pane says before the first run."""
        return self.tr("Pick a key size, type two numbers and press “Encrypt, add, decrypt”: every number of the "
                       "Paillier scheme and the time of each step appear here. The book uses 128 bits (fast and "
                       "insecure); 1024 bits is the least for real use.")

    def report(self, run: LabRun, full: bool, keygen: float | None, runs: dict[int, LabRun]) -> str:
        """One run written out as HTML: the key, both encryptions, the sum, the decryption, sizes and times."""
        n2 = "n²"

        def big(value: int) -> str:
            return f"<code>{html.escape(digits(value, full))}</code>"

        def row(name: str, value: str, note: str = "") -> str:
            extra = f" <span style='color:gray'>{html.escape(note)}</span>" if note else ""
            return f"<tr><td>{name}</td><td>{value}{extra}</td></tr>"

        made = self.tr("made in {0}").format(duration(keygen)) if keygen is not None else ""
        key_title = self.tr("Key: {0} bits").format(run.bits)
        parts = [f"<h4>{key_title} <small>{html.escape(made)}</small></h4>{TABLE}",
                 row("n = p·q", big(run.n), self.tr("{0} digits; public").format(len(str(run.n)))),
                 row("g = n + 1", big(run.g), self.tr("public")),
                 row("λ = lcm(p−1, q−1)", big(run.lam), self.tr("private")),
                 row("μ = L(g^λ mod n²)⁻¹ mod n", big(run.mu), self.tr("private")), "</table>"]
        for name, enc, stage in (("a", run.a, "encrypt_a"), ("b", run.b, "encrypt_b")):
            title = self.tr("Encrypt {0} = {1}").format(name, html.escape(repr(enc.value)))
            parts.append(f"<h4>{title} <small>{duration(run.seconds[stage])}</small></h4>{TABLE}")
            parts += [row(self.tr("exactly"), html.escape(encoding(enc.value)), self.tr("no digit lost")),
                      row("m", big(enc.plaintext), self.tr("the mantissa (n + mantissa if negative)")),
                      row("r", big(enc.r), self.tr("random, coprime to n: a new one for every encryption")),
                      row(f"g^m mod {n2}", big(enc.g_m), "= 1 + m·n"),
                      row(f"r^n mod {n2}", big(enc.r_n), self.tr("the slow part")),
                      row(f"c = g^m · r^n mod {n2}", big(enc.ciphertext),
                          self.tr("{0} bytes").format(run.ciphertext_bytes)), "</table>"]
        add_title, decrypt_title = self.tr("Add: multiply the ciphertexts"), self.tr("Decrypt the sum")
        parts += [f"<h4>{add_title} <small>{duration(run.seconds['add'])}</small></h4>{TABLE}",
                  row(f"c = c_a · c_b mod {n2}", big(run.sum_ciphertext),
                      self.tr("exponent {0}").format(str(run.sum_exponent).replace("-", "−"))), "</table>",
                  f"<h4>{decrypt_title} <small>{duration(run.seconds['decrypt'])}</small></h4>{TABLE}",
                  row(f"u = c^λ mod {n2}", big(run.u)), row("L(u) = (u − 1) / n", big(run.l_u)),
                  row("m = L(u) · μ mod n", big(run.plaintext)),
                  row(self.tr("value"), html.escape(
                      f"{run.mantissa} · 16^{run.sum_exponent} = {run.decrypted!r}".replace("-", "−"))),
                  row(self.tr("a + b as floats"), html.escape(repr(run.float_sum)),
                      self.tr("the same") if run.float_sum == run.decrypted else
                      self.tr("differs: the decryption is the exact sum, rounded once")), "</table>"]
        ratio = run.ciphertext_bytes / run.float_bytes
        sizes_title = self.tr("Sizes")
        parts.append(f"<h4>{sizes_title}</h4><p>" + html.escape(self.tr(
            "A ciphertext is a number below n²: {0} bytes, against {1} bytes for a float — ×{2} per weight. A model "
            "of 50,635 weights: {3} KB as floats, {4} KB encrypted.").format(
            run.ciphertext_bytes, run.float_bytes, f"{ratio:g}", round(50635 * run.float_bytes / 1000),
            round(50635 * run.ciphertext_bytes / 1000))) + "</p>")
        parts.append(self.comparison(runs))
        return "".join(parts)

    def comparison(self, runs: dict[int, LabRun]) -> str:
        """The last run of every key size side by side, times relative to the smallest key's."""
        if not runs:
            return ""
        sizes = sorted(runs)
        base = encrypt_time(runs[sizes[0]])
        names = (self.tr("Key sizes compared (the last run of each)"), self.tr("bits"), self.tr("encrypt one number"),
                 self.tr("decrypt"), self.tr("bytes per weight"), self.tr("× the {0}-bit time").format(sizes[0]))
        head = f"<h4>{names[0]}</h4>{TABLE}<tr>" + "".join(f"<th>{name}</th>" for name in names[1:]) + \
            "</tr>"
        rows = []
        for bits in sizes:
            run = runs[bits]
            t = encrypt_time(run)
            rows.append(f"<tr><td>{bits}</td><td>{duration(t)}</td><td>{duration(run.seconds['decrypt'])}</td>"
                        f"<td>{run.ciphertext_bytes}</td><td>×{t / base:.3g}</td></tr>" if base else "")
        return head + "".join(rows) + "</table>"

    def describe(self, run: LabRun | None, runs: dict[int, LabRun]) -> str:
        """A text alternative: the last run's result and times, and the sizes compared."""
        if run is None:
            return self.intro()
        out = self.tr("{0}-bit key: Enc({1}) · Enc({2}) decrypts to {3}. Encrypting took {4} and {5}, adding {6}, "
                      "decrypting {7}; a ciphertext takes {8} bytes against 8 for a float.").format(
            run.bits, repr(run.a.value), repr(run.b.value), repr(run.decrypted), duration(run.seconds["encrypt_a"]),
            duration(run.seconds["encrypt_b"]), duration(run.seconds["add"]), duration(run.seconds["decrypt"]),
            run.ciphertext_bytes)
        if len(runs) > 1:
            sizes = sorted(runs)
            base = encrypt_time(runs[sizes[0]])
            out += " " + self.tr("One encryption, by key size: {0}.").format(", ".join(
                f"{bits}: {duration(encrypt_time(runs[bits]))} (×{encrypt_time(runs[bits]) / base:.3g})"
                for bits in sizes if base))
        return out


def encrypt_time(run: LabRun) -> float:
    """Seconds of one encryption in a run (the mean of a's and b's)."""
    return (run.seconds["encrypt_a"] + run.seconds["encrypt_b"]) / 2
