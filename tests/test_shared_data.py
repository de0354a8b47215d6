"""Tests that need the real samples skip without them, except where they are required (CI): there they fail."""

import pytest

from tests import shared_data


def test_absent_samples_skip_with_a_reason_locally(monkeypatch, tmp_path):
    monkeypatch.delenv(shared_data.REQUIRE, raising=False)
    monkeypatch.delenv("GROKKING_DATA", raising=False)
    with pytest.raises(pytest.skip.Exception, match="GROKKING_DATA is not set"):
        shared_data.data_root()
    monkeypatch.setenv(shared_data.REQUIRE, "0")
    with pytest.raises(pytest.skip.Exception, match="is absent"):
        shared_data.need(tmp_path / "mnist")


def test_absent_samples_fail_where_they_are_required(monkeypatch, tmp_path):
    monkeypatch.setenv(shared_data.REQUIRE, "1")
    monkeypatch.setenv("GROKKING_DATA", str(tmp_path / "nowhere"))
    with pytest.raises(pytest.fail.Exception, match="is not a folder.*required"):
        shared_data.data_root()
    with pytest.raises(pytest.fail.Exception, match="mnist is absent"):
        shared_data.need(tmp_path / "mnist")
    monkeypatch.setenv("GROKKING_DATA", str(tmp_path))
    assert shared_data.data_root() == tmp_path
    assert shared_data.need(tmp_path) == tmp_path


def test_ci_requires_the_samples():
    from pathlib import Path

    script = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text()
    assert f"export {shared_data.REQUIRE}=1" in script
