"""Chapter 11's checker runs the student's noise on two devices, so its table (the solution passes,
each mistake gets its own message, in both languages) runs in a process of its own whose CPU is split
in two before TensorFlow starts (tests/test_exercises.py skips it); here, in a one-device process, the
checker says how to get two."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ganlib import exercises as ex

ROOT = Path(__file__).resolve().parents[1]

TABLE = r"""
import json, re
from ganlib.replicas import split_cpu
split_cpu(2)
from ganlib.exercises._core import EXERCISES, ExerciseError
from ganlib.language import gettext
exercise = EXERCISES["check_replica_noise"]
said = {}
for lang in ("tr", "en"):
    exercise.checker(exercise.solution, lang=lang)
    for i, mistake in enumerate(exercise.mistakes):
        try:
            exercise.checker(mistake.answer, lang=lang)
            said[f"{lang}-{i}"] = [None, []]
        except ExerciseError as err:
            words = [w.strip() for w in re.split(r"\{[^{}]*\}", gettext(mistake.message, lang=lang))]
            said[f"{lang}-{i}"] = [str(err), [w for w in words if w and w not in str(err)]]
print("RESULT " + json.dumps(said))
"""


@pytest.fixture(scope="module")
def table():
    env = {**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", TABLE], capture_output=True, text=True, cwd=ROOT, env=env, timeout=600
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert "✓" in out.stdout  # the solution passed, in both languages
    return json.loads(out.stdout.split("RESULT ", 1)[1])


def test_each_mistake_gets_its_own_message_on_two_devices(table):
    mistakes = ex.ch11._MISTAKES
    assert len(table) == 2 * len(mistakes)
    for key, (message, missing) in table.items():
        assert message is not None and message.startswith("✗"), f"{key}: the mistake passed"
        assert missing == [], f"{key}: {message}"
    # the stub's mistake is the chapter's: both replicas the same noise
    assert "same noise" in table["en-0"][0] and "aynı gürültü" in table["tr-0"][0]


@pytest.mark.parametrize("lang", ["tr", "en"])
def test_on_one_device_the_check_says_how_to_get_two(lang):
    import tensorflow as tf

    tf.config.list_logical_devices("CPU")  # this process's devices are set up: one CPU
    with pytest.raises(ex.ExerciseError) as caught:
        ex.check_replica_noise(ex.ch11._solution, lang=lang)
    assert re.search("first cell|ilk hücre", str(caught.value)), caught.value
