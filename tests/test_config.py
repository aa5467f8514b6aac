import pytest

from ganlib import config


def test_modes(monkeypatch):
    monkeypatch.delenv("GANLIB_FAST", raising=False)
    monkeypatch.delenv("GANLIB_MODE", raising=False)
    assert config.current_mode() == "cpu"
    cpu = config.run_sizes()
    assert cpu.batch_size == 128 and cpu.noise_dim == 200
    assert cpu.epochs * cpu.steps_per_epoch <= 120  # about two minutes on a laptop CPU
    gpu = config.run_sizes("gpu")
    assert (gpu.epochs, gpu.batch_size, gpu.n_images) == (50, 128, None)  # the post's settings
    monkeypatch.setenv("GANLIB_MODE", "gpu")
    assert config.run_sizes().mode == "gpu"
    monkeypatch.setenv("GANLIB_FAST", "1")
    fast = config.run_sizes()
    assert fast.mode == "fast" and fast.epochs * fast.steps_per_epoch < cpu.epochs * cpu.steps_per_epoch / 4


def test_bad_mode(monkeypatch):
    monkeypatch.delenv("GANLIB_FAST", raising=False)
    monkeypatch.setenv("GANLIB_MODE", "turbo")
    with pytest.raises(ValueError, match="fast, cpu, gpu"):
        config.current_mode()


def test_importing_ganlib_changes_nothing_in_the_process():
    import subprocess
    import sys

    code = (
        "import os, sys; before = dict(os.environ); import ganlib, ganlib.config, ganlib.fmt; "
        "assert dict(os.environ) == before, 'environment changed'; "
        "assert 'tensorflow' not in sys.modules, 'tensorflow imported'; print('ok')"
    )
    env = {k: v for k, v in __import__("os").environ.items() if k != "TF_CPP_MIN_LOG_LEVEL"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.stdout.strip() == "ok", out.stderr[-2000:]


@pytest.mark.parametrize("value", ["1", "true", "TRUE", "Yes", " on "])
def test_fast_switch_on(monkeypatch, value):
    monkeypatch.setenv("GANLIB_FAST", value)
    monkeypatch.setenv("GANLIB_MODE", "gpu")
    assert config.current_mode() == "fast"


@pytest.mark.parametrize("value", ["", "0", "false", "False", "NO", "off"])
def test_fast_switch_off(monkeypatch, value):
    monkeypatch.setenv("GANLIB_FAST", value)
    monkeypatch.delenv("GANLIB_MODE", raising=False)
    assert config.current_mode() == "cpu"


@pytest.mark.parametrize("value", ["2", "maybe", "fast"])
def test_fast_switch_refuses_other_values(monkeypatch, value):
    monkeypatch.setenv("GANLIB_FAST", value)
    with pytest.raises(
        ValueError, match=f"GANLIB_FAST must be 1/true/yes/on or 0/false/no/off, got '{value}'"
    ):
        config.current_mode()
