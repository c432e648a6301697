"""The archive of check --against: none readable is an error, a stale index is named, index
--status says what an update would do, and the findings come in one order either way."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import SEEDS
from tests.fake_cli import invoke

A = "Archive A.\n\nIn 2023, China authorized 921,000 invention patents.\n\nBeijing counts over 2,400 registered AI enterprises.\n"
B = "# Archive B\n\nIn 2024, Shenzhen hosted 1,100 robotics firms.\n\nThe fund raised ¥300 billion in 2025.\n"
C = "<html><body><p>In 2022, exports of industrial robots reached 40,000 units.</p></body></html>"
DRAFT = "# Draft\n\nIn 2023, China authorized 798,000 invention patents.\n"


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.md").write_text(B, encoding="utf-8")
    (tmp_path / "draft.md").write_text(DRAFT, encoding="utf-8")
    return folder


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("claimgraph: error:")]


@pytest.mark.parametrize("content", ["empty", "images", "drafts only"])
def test_archive_check_against_nothing_readable_is_exit_2(tmp_path, archive, content):
    against = tmp_path / "against"
    against.mkdir()
    if content == "images":
        (against / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
        (against / "photo.jpg").write_bytes(b"\xff\xd8\xff" + b"\x00" * 64)
    if content == "drafts only":
        shutil.copy(tmp_path / "draft.md", against / "draft.md")
        target = [tmp_path / "draft.md", against / "draft.md"]
    else:
        target = [tmp_path / "draft.md"]
    result = invoke("check", *target, "--against", against, "--no-cache")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    errors = _errors(result.stderr)
    assert len(errors) == 1 and str(against) in errors[0] and "Traceback" not in result.stderr
    assert "no readable document" in errors[0] or "besides the drafts" in errors[0]


def test_archive_check_with_no_readable_draft_is_exit_2(tmp_path, archive):
    (tmp_path / "empty.md").write_text("")
    result = invoke("check", tmp_path / "empty.md", "--against", archive, "--no-cache")
    assert result.exit_code == 2 and len(_errors(result.stderr)) == 1 and "no readable draft" in result.stderr


def test_archive_stale_index_is_named_at_check_and_index_brings_it_up_to_date(tmp_path, archive):
    index = tmp_path / "index"
    assert invoke("index", archive, "--index", index, "--no-cache").exit_code == 0
    draft = tmp_path / "draft.md"
    fresh = invoke("check", draft, "--against", index, "--no-cache")
    assert fresh.exit_code == 1 and "out of date" not in fresh.stderr
    (archive / "b.md").write_text(B.replace("1,100", "1,200"), encoding="utf-8")  # changed
    (archive / "c.html").write_text(C, encoding="utf-8")  # new
    (archive / "a.txt").unlink()  # gone
    stale = invoke("check", draft, "--against", index, "--no-cache")
    assert stale.exit_code == 1  # still checked, against the archive as indexed
    warned = [line for line in stale.stderr.splitlines() if "out of date" in line]
    assert len(warned) == 1, stale.stderr
    line = warned[0]
    assert line.startswith(f"claimgraph: warning: index {index} is out of date (1 changed, 1 new, 1 gone")
    assert "changed: " in line and "b.md" in line and "new: " in line and "c.html" in line and "a.txt" in line
    assert f"claimgraph index --index {index}" in line
    updated = invoke("index", "--index", index, "--no-cache")  # the paths it was built from
    assert updated.exit_code == 0 and "1 new, 1 changed, 1 removed, 0 unchanged" in updated.stderr
    again = invoke("check", draft, "--against", index, "--no-cache")
    assert "out of date" not in again.stderr


def test_archive_index_status_exit_codes_and_lines(tmp_path, archive):
    index = tmp_path / "index"
    (archive / "broken.pdf").write_bytes(b"%PDF-1.4 truncated")  # skipped by index: not new ever after
    built = invoke("index", archive, "--index", index, "--no-cache")
    assert built.exit_code == 0 and "broken.pdf" in built.stderr
    status = invoke("index", "--status", index)
    assert status.exit_code == 0, status.output
    assert status.stdout == f"index {index}: up to date (2 documents)\n"
    (archive / "a.txt").write_text(A + "\nMore.\n", encoding="utf-8")
    (archive / "new.md").write_text("# New\n\n12 robots.\n", encoding="utf-8")
    (archive / "b.md").unlink()
    (archive / "broken.pdf").write_bytes(b"%PDF-1.4 truncated, differently")
    status = invoke("index", "--status", index)
    assert status.exit_code == 1, status.output
    lines = status.stdout.splitlines()
    assert lines[0] == f"index {index}: out of date (2 documents indexed; 2 changed, 1 new, 1 gone)"
    assert sorted(lines[1:-1]) == sorted(
        [f"changed {archive / 'a.txt'}", f"changed {archive / 'broken.pdf'}", f"new     {archive / 'new.md'}", f"gone    {archive / 'b.md'}"]
    )
    assert lines[-1] == f"update it with: claimgraph index --index {index}"
    both = invoke("index", "--status", index, "--index", index)
    assert both.exit_code == 2 and len(_errors(both.stderr)) == 1
    neither = invoke("index", archive)
    assert neither.exit_code == 2 and "--index" in neither.stderr
    missing = invoke("index", "--status", tmp_path / "nowhere")
    assert missing.exit_code == 2 and len(_errors(missing.stderr)) == 1 and "not a claimgraph index" in missing.stderr


def test_archive_finding_order_is_the_same_against_a_folder_and_its_index(tmp_path):
    archive = tmp_path / "seeds"
    shutil.copytree(SEEDS, archive)
    index = tmp_path / "index"
    assert invoke("index", archive, "--index", index, "--no-cache").exit_code == 0
    draft = tmp_path / "draft.md"
    draft.write_text(
        "# Planted draft\n\n"
        "In 2023, China authorized 798,000 invention patents, representing a 15.3% year-on-year increase.\n\n"
        "Beijing's AI sector now counts over 2,400 registered enterprises [7].\n\n"
        "China accounts for 31 of the world's top 100 technology clusters.\n\n"
        "Industrial robot installations in China reached 150,000 units in 2019.\n",
        encoding="utf-8",
    )

    def findings(against) -> list:
        result = invoke("check", draft, "--against", against, "--no-cache", "--format", "json", "--fail-on", "never")
        assert result.exit_code == 0, result.stderr
        report = json.loads(result.stdout)
        return [
            (f["id"], f["rule"], f["kind"], f["severity"], f["message"], [(loc["path"], loc["line"], loc["column"]) for loc in f["locations"]])
            for f in report["findings"]
        ]

    by_folder = findings(archive)
    assert len({f[1] for f in by_folder}) >= 2  # several rules: an order to keep
    assert len([f for f in by_folder if f[1] == "NUM001" and f[5][0][1] == 7]) == 2  # two with the same first claim
    assert [f[0] for f in by_folder] == [f"f{n}" for n in range(1, len(by_folder) + 1)]
    assert findings(index) == by_folder
