"""The reports' JSON writer (checker/report/json_text.py): the standard library's text, faster."""

from __future__ import annotations

import json

import numpy as np
import pytest

from checker.report.json_text import json_text


def _stdlib(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_same_text_as_the_standard_library():
    data = {
        "schema": "claimgraph/report@1",
        "documents": [{"id": "d1", "title": "Überblick: 中国 patents \u2028 \"quoted\" \\ tab\t nul\x00", "date": None}],
        "claims": [{"value": 921000, "score": 0.8123, "share": 35.5, "big": 1e16, "tiny": 0.0001, "flags": [True, False]}],
        "empty": {"list": [], "dict": {}},
        "emoji": "\U0001f4c8 up",
    }
    assert json_text(data) == _stdlib(data)


def test_tuples_keys_and_numpy_numbers_are_written_as_json_would():
    data = {1: (2, 3), "f": np.float32(0.5), "d": np.float64(0.25), "i": np.int64(7)}
    assert json.loads(json_text(data)) == {"1": [2, 3], "f": 0.5, "d": 0.25, "i": 7}


def test_what_orjson_does_not_take_is_written_by_the_standard_library():
    data = {"huge": 2**70, "name": "é"}
    assert json_text(data) == _stdlib(data)


def test_small_floats_are_the_same_numbers():
    data = {"x": 1e-07, "y": [5e-324, 1.5e-300]}
    assert json.loads(json_text(data)) == data


def test_unknown_objects_are_a_type_error_as_with_json():
    with pytest.raises(TypeError):
        json_text({"s": {1, 2}})
    with pytest.raises(TypeError):
        json_text({"o": object()})
