"""The Paillier lab, driven like a learner: the book's Enc(5) + Enc(3) at 128 bits with every number shown and
checked against the definition, the exact encoding of what is typed, refused input, Cancel, a sum too wide for the
key, the key sizes compared, export and Russian. The computation runs in slices from a timer (several ticks)."""

from fractions import Fraction

import pytest
from PySide6.QtGui import QImage

from desktop.export import export_widget
from desktop.views.federated.paillier_lab import LabPanel
from learning.crypto.paillier import KeyPair, PrivateKey, PublicKey
from learning.crypto.primes import is_probable_prime
from tests.desktop.ch15_views import switch_language

#: Two 1024-bit primes (made once with learning.crypto.primes.random_prime): a 2048-bit key without the seconds
#: a new one takes. The test checks they are prime.
P = int("e166f1a5f761d2ea9f8368217159ae7ed1a114fa6d0cfbac9fa281f83673c7bd3846dfeb6c86bc2590a91fe213aefff13d9b70c78870"
        "4d9afdcd2ac44f8500b93b58b9054a771baeea87b5a576f3a1a75794f66b017304815672884ed82789086a004b958348e5e943875d34"
        "fd85b766aaef3a2b698e4db9ab35484001c5313f", 16)
Q = int("ece61ad664413f1a28e40d2386f146b2a28b4855c0eff1fe58d912c3f73803148abd17d7bf0a086558c8956d8d68e11fb5cd556ee26c"
        "4aa038de60ef310f6cc3a86759668659ce587775903287b1ff86e27e37bed3d4dccdf70303d834cafe2ae859e4d556d01734c2ea50cb"
        "a8282093247b7214cc746bbc8121b15ef1eec795", 16)


def key_2048() -> KeyPair:
    assert is_probable_prime(P) and is_probable_prime(Q) and (P * Q).bit_length() == 2048
    public = PublicKey(P * Q)
    return KeyPair(public, PrivateKey(public, P, Q), 0.0)


@pytest.fixture
def lab(qtbot):
    panel = LabPanel(None)
    qtbot.addWidget(panel)
    panel.resize(800, 520)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def finish(qtbot, panel, timeout=60000):
    qtbot.waitUntil(lambda: not panel.driver.running, timeout=timeout)


def test_the_books_five_plus_three_with_every_number(qtbot, lab):
    acted = []
    lab.acted.connect(acted.append)
    assert lab.bits() == 128 and (lab.a.text(), lab.b.text()) == ("5", "3")
    lab.run_button.click()
    assert lab.driver.running and lab.cancel_button.isEnabled() and not lab.run_button.isEnabled()
    finish(qtbot, lab)
    run = lab.last
    assert run.decrypted == 8.0 and acted == ["lab_run"]  # "The Answer: 8"
    n = run.n
    assert n.bit_length() == 128 and run.g == n + 1 and run.ciphertext_bytes == 32
    assert run.a.ciphertext == pow(n + 1, run.a.plaintext, n * n) * pow(run.a.r, n, n * n) % (n * n)  # the definition
    assert run.u == pow(run.sum_ciphertext, run.lam, n * n) and (run.u - 1) // n == run.l_u
    html = lab.results.toPlainText()
    for number in (n, run.g, run.lam, run.mu, run.a.ciphertext, run.sum_ciphertext, run.u):
        text = str(number)
        assert text[:10] in html and text[-10:] in html
    assert "32 bytes, against 8 bytes for a float — ×4 per weight" in html
    assert "8.0" in lab.status.text() and "128-bit key" in lab.describe()
    assert set(run.seconds) == {"keygen", "encrypt_a", "encrypt_b", "add", "decrypt"} and 128 in lab.keys
    lab.full.setChecked(True)  # every digit written out
    assert str(run.sum_ciphertext) in lab.results.toPlainText()


def test_what_is_typed_is_shown_exactly_and_nonsense_is_refused(qtbot, lab):
    lab.a.setText("0,1")  # a decimal comma is fine
    lab.b.setText("−2.5e-3")
    status = lab.status.text()
    mantissa, exponent = status.split("0.1 = ")[1].split(";")[0].split(" · 16^")
    assert Fraction(int(mantissa)) * Fraction(16) ** int(exponent.replace("−", "-")) == Fraction(0.1)
    assert "-0.0025 = −" in status or "−0.0025 = −" in status.replace("-", "−")
    lab.b.setText("three")
    assert "b is not a number" in lab.status.text() and not lab.run_button.isEnabled()
    assert lab.run() is False and not lab.driver.running


def test_cancel_stops_a_key_being_made_and_keeps_nothing(qtbot, lab):
    acted = []
    lab.acted.connect(acted.append)
    lab.set_bits(2048)
    lab.run_button.click()
    qtbot.waitUntil(lambda: lab.driver.ticks >= 3, timeout=10000)  # sliced: the window got control back
    assert lab.driver.running
    lab.cancel_button.click()
    assert not lab.driver.running and acted == ["lab_cancelled"] and 2048 not in lab.keys
    assert lab.status.text() == "Cancelled: nothing of that computation was kept" and lab.run_button.isEnabled()


def test_a_sum_too_wide_for_the_key_is_refused_in_words(qtbot, lab):
    lab.a.setText("1")
    lab.b.setText("1e-200")  # 1 brought down to 1e-200's exponent needs ~670 bits: more than a 128-bit key holds
    lab.run()
    finish(qtbot, lab)
    assert lab.status.text().startswith("Refused:") and "too far apart" in lab.status.text()
    assert lab.last is None and lab.run_button.isEnabled()


def test_key_sizes_compared(qtbot, lab):
    acted = []
    lab.acted.connect(acted.append)
    lab.run()
    finish(qtbot, lab)
    lab.keys[2048] = key_2048()  # made earlier in the session (by the test): the lab reuses a size's key
    lab.set_bits(2048)
    lab.run()
    finish(qtbot, lab)
    assert acted == ["lab_run", "lab_run", "sizes_compared"]
    assert lab.last.bits == 2048 and lab.last.n == P * Q and lab.last.ciphertext_bytes == 512
    assert lab.driver.ticks > 1  # the 2048-bit arithmetic went in slices
    text = lab.results.toPlainText()
    assert "Key sizes compared" in text and "512" in text
    ratio = (sum(lab.runs[2048].seconds[s] for s in ("encrypt_a", "encrypt_b")) /
             sum(lab.runs[128].seconds[s] for s in ("encrypt_a", "encrypt_b")))
    assert ratio > 1 and f"×{ratio:.3g}" in text.replace(" ", "")
    assert "2048:" in lab.describe() and "128:" in lab.describe()


def test_export_and_russian(qtbot, lab, tmp_path):
    lab.run()
    finish(qtbot, lab)
    png = export_widget(lab, tmp_path / "lab.png", 800)
    assert QImage(str(png)).width() == 800
    assert "<svg" in export_widget(lab, tmp_path / "lab.svg", 800).read_text(encoding="utf-8")
    translations = switch_language(qtbot, "ru")
    try:
        assert lab.run_button.text() == "Зашифровать, сложить, расшифровать"
        assert "Ключ: 128 бит" in lab.results.toPlainText()
        assert lab.key_size.itemText(0).startswith("128 бит")
    finally:
        translations.set_language("en")
    qtbot.waitUntil(lambda: lab.run_button.text() == "Encrypt, add, decrypt")  # LanguageChange is posted
