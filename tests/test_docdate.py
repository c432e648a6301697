"""A document's own date (front matter, HTML header, dateline) and ``--date`` for the others:
the settings resolver, the claims cache key, the command line end to end."""

import json

import pytest

from checker.errors import ConfigError
from checker.ingest.docdate import GIVEN, STATED, stated_date
from checker.ingest.documents import parse_document
from checker.settings import resolve_settings
from checker.store.claims_cache import document_key
from tests.fake_cli import invoke


def _date(text, fmt="text", given=None):
    doc = parse_document(text, fmt, "d1", "x", given)
    return doc.date, doc.date_source


def test_front_matter_date():
    text = "---\ntitle: Harbour report\ndate: 2024-03-03\n---\n\nThe harbour moved 12 ships now.\n"
    assert _date(text, "markdown") == ("2024-03-03", STATED)


@pytest.mark.parametrize("line", [
    "March 3, 2024 — The harbour moved 12 ships.",
    "Published: 2024-03-03",
    "Updated 3 Mar 2024",
])
def test_datelines_at_the_top(line):
    text = f"Harbour report\n\n{line}\n\nThe harbour moved 12 ships this month.\n"
    assert _date(text)[0] == "2024-03-03"
    assert _date(text, "markdown")[0] == "2024-03-03"


def test_a_date_in_the_body_is_not_the_documents():
    text = "Harbour report\n\nThe harbour moved 12 ships this month.\n\nThe pier opened on March 3, 2024.\n"
    assert _date(text) == (None, STATED)


def test_html_time_in_the_header_only():
    page = ("<html><body><article><header><h1>Harbour</h1><time datetime='2024-03-03'>3 March</time></header>"
            "<p>The harbour moved 12 ships.</p></article></body></html>")
    assert _date(page, "html")[0] == "2024-03-03"
    page = ("<html><body><h1>Harbour</h1><p>The harbour moved 12 ships.</p>"
            "<p>The pier opened on <time datetime='2019-05-01'>1 May 2019</time>.</p></body></html>")
    assert _date(page, "html")[0] is None
    page = "<html><body><p>The pier opened on <time datetime='2019-05-01'>1 May 2019</time>.</p></body></html>"
    assert _date(page, "html")[0] is None
    page = "<html><body><p>By Ann Lee, <time datetime='2024-03-03'>3 March</time></p><p>It moved 12 ships.</p></body></html>"
    assert _date(page, "html")[0] == "2024-03-03"


def test_given_date_only_for_documents_without_one():
    assert _date("The harbour moved 12 ships.\n", given="2024-06-01") == ("2024-06-01", GIVEN)
    text = "Published: 2023-01-05\n\nThe harbour moved 12 ships.\n"
    assert _date(text, given="2024-06-01") == ("2023-01-05", STATED)
    doc = parse_document("The harbour moved 12 ships.\n", "text", "d1", "x", "2024-06-01")
    assert stated_date(doc) is None


def test_settings_resolve_the_date(tmp_path):
    cfg = tmp_path / "claimgraph.toml"
    cfg.write_text('date = "2022-02-02"\n')
    assert resolve_settings(cfg, environ={}).date == "2022-02-02"
    resolved = resolve_settings(cfg, environ={"CLAIMGRAPH_DATE": "2023-03-03"})
    assert (resolved.date, resolved.sources["date"]) == ("2023-03-03", "environment")
    resolved = resolve_settings(cfg, environ={}, date="2024-04-04")
    assert (resolved.date, resolved.settings.date, resolved.effective()["date"]) == ("2024-04-04",) * 3
    with pytest.raises(ConfigError):
        resolve_settings(cfg, environ={}, date="2024-02-30")
    cfg.write_text('date = "soon"\n')
    with pytest.raises(ConfigError):
        resolve_settings(cfg, environ={})


def test_cache_key_takes_the_given_date():
    assert document_key("text", "a", "2024-01-01") != document_key("text", "a")
    assert document_key("text", "a", "2024-01-01") != document_key("text", "a", "2024-01-02")


def _doc_dates(report_path):
    report = json.loads(report_path.read_text())
    return {d["path"]: d["date"] for d in report["documents"]}


def test_cli_date_end_to_end(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plain.txt").write_text("The ferry line now runs 14 boats.\n")
    (tmp_path / "dated.md").write_text("---\ndate: 2021-07-01\n---\n\nThe ferry line runs 11 boats.\n")
    cache = str(tmp_path / "cache")
    result = invoke("scan", "plain.txt", "dated.md", "--date", "2024-05-06", "--cache-dir", cache, "-o", "r.json",
                    "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    assert _doc_dates(tmp_path / "r.json") == {"plain.txt": "2024-05-06", "dated.md": "2021-07-01"}
    # the claims cache serves no stale date: another --date, then none
    result = invoke("scan", "plain.txt", "dated.md", "--date", "2025-01-02", "--cache-dir", cache, "-o", "r.json",
                    "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    assert _doc_dates(tmp_path / "r.json") == {"plain.txt": "2025-01-02", "dated.md": "2021-07-01"}
    result = invoke("scan", "plain.txt", "dated.md", "--cache-dir", cache, "-o", "r.json", "--fail-on", "never")
    assert _doc_dates(tmp_path / "r.json") == {"plain.txt": None, "dated.md": "2021-07-01"}
    result = invoke("config", "--date", "2024-05-06", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["date"] == "2024-05-06"


@pytest.mark.parametrize("bad", ["2024-13-01", "yesterday", "2024/05/06"])
def test_cli_bad_date_exit_2(tmp_path, monkeypatch, bad):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plain.txt").write_text("The ferry line runs 14 boats.\n")
    result = invoke("scan", "plain.txt", "--date", bad, "--no-cache")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("claimgraph: error:") and "--date" in lines[0]


@pytest.mark.parametrize("pool", [False, True])
def test_claims_cache_keys_only_the_documents_that_take_the_date(tmp_path, monkeypatch, pool):
    from checker.pipeline import Pipeline, Settings
    from tests.fakes import HashEmbedder

    monkeypatch.setattr("checker.pipeline.worth_a_pool", lambda n: pool)
    (tmp_path / "plain.txt").write_text("The ferry line now runs 14 boats.\n")
    (tmp_path / "dated.txt").write_text("Published: 2021-07-01\n\nThe ferry line runs 11 boats.\n")
    paths = [str(tmp_path / "plain.txt"), str(tmp_path / "dated.txt")]

    def read(date):
        pipeline = Pipeline(Settings(cache_dir=str(tmp_path / "cache"), date=date), embedder=HashEmbedder())
        loaded = pipeline.read(paths)
        pipeline.extract(loaded)
        pipeline.close()
        out = {}
        for item in loaded:
            doc = item.document
            key = document_key(doc.format, doc.text, date if doc.date_source == GIVEN else None)
            assert item.key == key  # stored under the key of the date it took
            out[doc.path.rsplit("/", 1)[-1]] = (doc.date, doc.date_source, item.stored is not None and not pool)
        return out

    first = read("2024-05-06")
    assert first["plain.txt"][:2] == ("2024-05-06", GIVEN) and first["dated.txt"][:2] == ("2021-07-01", STATED)
    again = read("2024-05-06")
    assert again == {k: (*v[:2], not pool) for k, v in first.items()}  # both from the cache
    other = read("2025-01-02")
    assert other["plain.txt"] == ("2025-01-02", GIVEN, False)  # read again under the new date
    assert other["dated.txt"] == ("2021-07-01", STATED, not pool)  # its own date: the cache still serves it
    assert read(None)["plain.txt"][:2] == (None, STATED)


def test_index_with_another_date_reads_every_document_again(tmp_path):
    import checker
    from tests.fake_cli import FakeModel

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "plain.txt").write_text("The ferry line now runs 14 boats.\n")
    folder, cache = str(tmp_path / "idx"), str(tmp_path / "cache")
    first = checker.index([str(tmp_path / "docs")], folder, encoder=FakeModel, cache_dir=cache, date="2024-05-06")
    assert first.written and first.new == 1
    same = checker.index([str(tmp_path / "docs")], folder, encoder=FakeModel, cache_dir=cache, date="2024-05-06")
    assert not same.written and same.unchanged == 1
    other = checker.index([str(tmp_path / "docs")], folder, encoder=FakeModel, cache_dir=cache, date="2025-01-02")
    assert other.written and other.unchanged == 0
    manifest = json.loads((tmp_path / "idx" / "claimgraph-index.json").read_text())
    assert manifest["date"] == "2025-01-02"
