"""The sentence encoder's batches: cut by length, run side by side on the CPU, same vectors."""

import threading

import numpy as np
import pytest
import torch

from checker.embed.embeddings import SentenceTransformerEmbedder, encode_batches, length_batches


def test_length_batches_cut_longest_first_and_keep_the_callers_order_in_ties():
    texts = ["bb", "a", "dddd", "cc", "eeee", "f"]
    assert length_batches(texts, 2) == [[2, 4], [0, 3], [1, 5]]
    assert length_batches(texts, 10) == [[2, 4, 0, 3, 1, 5]]
    assert length_batches([], 4) == []


@pytest.fixture
def two_threads():
    before = torch.get_num_threads()
    torch.set_num_threads(2)
    yield
    torch.set_num_threads(before)


def test_batches_run_side_by_side_on_one_thread_each_and_in_order(two_threads):
    seen = []
    both_running = threading.Barrier(2, timeout=10)

    def encode_batch(batch):
        seen.append((threading.current_thread().name, torch.get_num_threads()))
        if batch[0] < 2:
            both_running.wait()  # the first two batches are in flight together, or this times out
        return np.full((len(batch), 3), batch[0], np.float32)

    parts = encode_batches(encode_batch, [[0], [1], [2, 3], [4]])
    assert [p[0, 0] for p in parts] == [0, 1, 2, 4]
    assert all(name.startswith("claimgraph-encode") and threads == 1 for name, threads in seen)
    assert torch.get_num_threads() == 2  # restored


def test_batches_run_one_after_another_off_the_cpu_or_on_one_thread(two_threads):
    names = []

    def encode_batch(batch):
        names.append(threading.current_thread().name)
        return np.zeros((len(batch), 3), np.float32)

    encode_batches(encode_batch, [[0], [1]], side_by_side=False)
    torch.set_num_threads(1)
    encode_batches(encode_batch, [[0], [1]])
    assert names == [threading.current_thread().name] * 4


def test_a_failing_batch_raises_and_restores_the_thread_count(two_threads):
    def encode_batch(batch):
        if batch == [1]:
            raise RuntimeError("out of memory")
        return np.zeros((1, 3), np.float32)

    with pytest.raises(RuntimeError, match="out of memory"):
        encode_batches(encode_batch, [[0], [1], [2]])
    assert torch.get_num_threads() == 2


@pytest.mark.model
def test_the_real_model_gives_the_same_vectors_side_by_side_as_on_one_thread(two_threads):
    texts = [f"In {2000 + n % 20} the region installed # MW of {'solar' if n % 3 else 'offshore wind'} capacity"
             + (", according to the ministry's annual statistics" * (n % 4)) for n in range(150)]
    embedder = SentenceTransformerEmbedder(batch_size=16)
    side_by_side = embedder.encode(texts)
    torch.set_num_threads(1)
    one_thread = embedder.encode(texts)
    assert side_by_side.shape == (150, 384) and side_by_side.dtype == np.float32
    assert np.array_equal(side_by_side, one_thread)
    np.testing.assert_allclose(np.linalg.norm(side_by_side, axis=1), 1.0, rtol=1e-5)
    # each row is its own sentence's vector, whichever batch it was encoded in
    alone = embedder.encode([texts[7]])
    np.testing.assert_allclose(alone[0], side_by_side[7], atol=1e-5)
