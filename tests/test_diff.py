"""``diff`` and ``update``: fixture pairs, SpiritMe mutations, noise, formats, git inputs, exit codes."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Callable

import pytest
from click.testing import CliRunner, Result
from genutil import SHARED_MISSING, shared_documents
from servers import LocalServer, Reply, Request

from generator.cli import main
from generator.diff.compare import Change, diff_documents, fails
from generator.diff.context import Policy
from generator.diff.levels import OASDIFF_LEVELS, SECURITY_DEPARTURES, level_in
from generator.diff.report import _escape_data, _escape_property
from generator.diff.rules import DOCUMENT_RULES, RULES, normalized_path
from generator.spec import fetch
from generator.spec.load import load_bytes

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "diff_fixtures"
SNAPSHOTS = FIXTURES / "_snapshots"
SHARED = HERE.parents[0] / ".." / "shared"
SPIRITME = SHARED / "upstream" / "spiritme-openapi.yaml"
PAIRS = sorted(p for p in FIXTURES.iterdir() if (p / "expected.json").is_file())
UPDATE_SNAPSHOTS = bool(os.environ.get("SPIRITME_UPDATE_SNAPSHOTS"))


def load(path: Path) -> dict[str, Any]:
    return load_bytes(path.read_bytes(), source=str(path)).data


def ids(changes: list[Change]) -> list[tuple[str, str]]:
    return sorted((c.id, c.level) for c in changes)


VERSIONING = ("api-version-not-bumped", "api-version-decreased", "api-major-version-not-bumped")


def fixture_ids(changes: list[Change], expected: list[dict[str, str]]) -> list[tuple[str, str]]:
    """The checks a pair reports; the versioning policy (info.version against the breaking changes
    found) only where the pair is about it, since most pairs keep ``version: 1.0.0`` on purpose."""
    about_versions = any(c["id"] in VERSIONING for c in expected)
    return ids([c for c in changes if about_versions or c.id not in VERSIONING])


def run(*args: str, env: dict[str, str | None] | None = None) -> Result:
    return CliRunner().invoke(
        main,
        list(args),
        env={"SPIRITME_API_KEY": None, "SPIRITME_BASE_URL": None, **(env or {})},
    )


# ----------------------------------------------------------------- fixture pairs


def pair_diff(folder: Path, *, backwards: bool = False) -> list[Change]:
    """The changes of a fixture pair, with the deprecation policy its ``expected.json`` sets."""
    options = json.loads((folder / "expected.json").read_text(encoding="utf-8")).get("options", {})
    old, new = load(folder / "old.yaml"), load(folder / "new.yaml")
    return diff_documents(*((new, old) if backwards else (old, new)), policy=Policy(**options))


@pytest.mark.parametrize("folder", PAIRS, ids=lambda p: p.name)
def test_fixture_pair_reports_the_expected_checks(folder: Path) -> None:
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["changes"]
    changes = pair_diff(folder)
    assert fixture_ids(changes, expected) == sorted((c["id"], c["level"]) for c in expected)
    assert all(RULES[c.id] == c.level for c in changes)


@pytest.mark.parametrize("folder", PAIRS, ids=lambda p: p.name)
def test_a_pair_read_backwards_changes_too(folder: Path) -> None:
    """Every difference is seen from both sides (what was added one way is removed the other), except
    where a rule is one-way by design (a sunset date moved later): pairs that list ``backward`` say so."""
    forward, backward = pair_diff(folder), pair_diff(folder, backwards=True)
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    if "backward" in expected:
        assert fixture_ids(backward, expected["backward"]) == sorted(
            (c["id"], c["level"]) for c in expected["backward"]
        )
    else:
        # something changes either way, and in the same operations (document-wide entries such as an
        # unbumped version are one-way)
        assert bool(forward) == bool(backward)

        def operations(changes: list[Change]) -> set[str]:
            return {normalized_path(c.operation) for c in changes if c.operation}

        assert operations(forward) == operations(backward)


def test_the_fixtures_cover_every_rule_family_in_both_directions() -> None:
    found = {c["id"] for p in PAIRS for c in json.loads((p / "expected.json").read_text())["changes"]}
    assert len(PAIRS) >= 60
    for family in (
        "api-",
        "endpoint-",
        "request-parameter-",
        "request-body-",
        "request-property-",
        "new-required-request-",
        "response-property-",
        "response-body-",
        "response-header-",
        "response-success-status-",
        "api-security-",
        "api-global-security-",
        "api-server-",
    ):
        assert any(i.startswith(family) for i in found), family
    assert {
        "response-required-property-removed",
        "response-optional-property-removed",
    } <= found


@pytest.mark.parametrize("folder", [p for p in PAIRS if "noise" in p.name], ids=lambda p: p.name)
def test_noise_is_never_breaking(folder: Path) -> None:
    changes = diff_documents(load(folder / "old.yaml"), load(folder / "new.yaml"))
    assert all(c.level == "info" for c in changes), changes


def test_the_rule_table_has_every_level_and_oasdiff_ids() -> None:
    levels = set(RULES.values())
    assert levels == {"breaking", "warning", "info"}
    for oasdiff_id in (
        "api-path-removed-without-deprecation",
        "new-required-request-property",
        "request-parameter-removed",
        "response-success-status-removed",
        "response-property-enum-value-added",
        "request-property-enum-value-removed",
        "request-body-became-required",
        "response-property-became-nullable",
        "api-security-removed",
        "request-parameter-type-changed",
    ):
        assert oasdiff_id in RULES
    assert RULES["response-property-enum-value-added"] == "warning"


# ----------------------------------------------------------------- SpiritMe, mutated at run time


@pytest.fixture(scope="module")
def spiritme() -> dict[str, Any]:
    if not SPIRITME.is_file():
        pytest.skip(SHARED_MISSING)
    return load(SPIRITME)


def mutated(doc: dict[str, Any], change: Callable[[dict[str, Any]], Any]) -> dict[str, Any]:
    copied = copy.deepcopy(doc)
    change(copied)
    return copied


def only(changes: list[Change], rule: str, operation: str) -> Change:
    found = [c for c in changes if c.id == rule and c.operation == operation]
    assert len(found) == 1, changes
    return found[0]


def test_spiritme_required_request_property_names_the_argument(
    spiritme: dict[str, Any],
) -> None:
    def add_project(d: dict[str, Any]) -> None:
        schema = d["components"]["schemas"]["VideoRequest"]
        schema["properties"]["project"] = {"type": "integer"}
        schema["required"].append("project")

    changes = diff_documents(spiritme, mutated(spiritme, add_project))
    create = only(changes, "new-required-request-property", "POST /api/videos/")
    assert create.level == "breaking"
    assert create.pointer == "/components/schemas/VideoRequest/properties/project"
    assert create.client_impact == "`client.videos.create()` now requires `project=`"
    assert {c.level for c in changes if c.id not in VERSIONING} == {"breaking"}


def test_spiritme_response_property_removed_names_the_attribute(
    spiritme: dict[str, Any],
) -> None:
    def drop_thumbnail(d: dict[str, Any]) -> None:
        video = d["components"]["schemas"]["Video"]
        del video["properties"]["thumbnail"]
        video["required"].remove("thumbnail")

    changes = diff_documents(spiritme, mutated(spiritme, drop_thumbnail))
    retrieve = only(changes, "response-required-property-removed", "GET /api/videos/{id}/")
    assert retrieve.client_impact.startswith("`Video.thumbnail` is gone")
    listed = only(changes, "response-required-property-removed", "GET /api/videos/")
    assert "`results[].thumbnail`" in listed.message


def test_spiritme_status_value_added_is_a_warning_about_the_enum(
    spiritme: dict[str, Any],
) -> None:
    changes = diff_documents(
        spiritme,
        mutated(
            spiritme,
            lambda d: d["components"]["schemas"]["VideoStatusEnum"]["enum"].append("archived"),
        ),
    )
    assert {c.level for c in changes} == {"warning"}
    retrieve = only(changes, "response-property-enum-value-added", "GET /api/videos/{id}/")
    assert retrieve.pointer == "/components/schemas/VideoStatusEnum"
    assert "`VideoStatusEnum` gains `'archived'`" in retrieve.client_impact


def test_spiritme_new_and_removed_methods(spiritme: dict[str, Any]) -> None:
    def change(d: dict[str, Any]) -> None:
        d["paths"]["/api/videos/{id}/subtitles/"] = {
            "get": {
                "operationId": "videos_subtitles_list",
                "tags": ["videos"],
                "security": [{"tokenAuth": []}],
                "parameters": [
                    {
                        "name": "id",
                        "in": "path",
                        "required": True,
                        "schema": {"type": "integer"},
                    }
                ],
                "responses": {"200": {"description": ""}},
            }
        }
        del d["paths"]["/api/files/{id}/"]["delete"]

    changes = diff_documents(spiritme, mutated(spiritme, change))
    added = only(changes, "endpoint-added", "GET /api/videos/{id}/subtitles/")
    assert added.client_impact == "new method `client.videos.list_subtitles()`"
    removed = only(changes, "api-removed-without-deprecation", "DELETE /api/files/{id}/")
    assert removed.level == "breaking"
    assert removed.client_impact.startswith("`client.files.delete()` is gone")


def test_spiritme_parameter_and_auth_changes(spiritme: dict[str, Any]) -> None:
    def change(d: dict[str, Any]) -> None:
        d["paths"]["/api/avatars/"]["get"]["parameters"][2]["required"] = True  # ordering
        d["components"]["securitySchemes"]["tokenAuth"]["name"] = "X-Api-Key"

    changes = diff_documents(spiritme, mutated(spiritme, change))
    ordering = only(changes, "request-parameter-became-required", "GET /api/avatars/")
    assert ordering.client_impact == "`client.avatars.list()` now requires `ordering=`"
    auth = only(changes, "api-security-component-location-changed", "")
    assert auth.level == "breaking"
    assert "`X-Api-Key` header" in auth.client_impact


def test_spiritme_noise_reports_nothing_breaking(spiritme: dict[str, Any]) -> None:
    def strip_words(node: Any) -> Any:
        if isinstance(node, dict):
            words = ("description", "x-inferred-notes", "title", "example")
            return {k: strip_words(v) for k, v in reversed(node.items()) if k not in words or not isinstance(v, str)}
        if isinstance(node, list):
            return [strip_words(v) for v in node]
        return node

    assert diff_documents(spiritme, strip_words(spiritme)) == []
    renamed = json.loads(json.dumps(spiritme).replace('#/components/schemas/Video"', '#/components/schemas/Clip"'))
    renamed["components"]["schemas"]["Clip"] = renamed["components"]["schemas"].pop("Video")
    changes = diff_documents(spiritme, renamed)
    assert ids(changes) == [("api-schema-renamed", "info")]
    assert changes[0].client_impact.startswith("the model `Video` is now `Clip`")


def test_spiritme_3_1_spelling_of_nullable_is_noise(spiritme: dict[str, Any]) -> None:
    def spell_3_1(node: Any) -> Any:
        if isinstance(node, dict):
            out = {k: spell_3_1(v) for k, v in node.items() if k != "nullable"}
            if node.get("nullable") is True and isinstance(node.get("type"), str):
                out["type"] = [node["type"], "null"]
            elif node.get("nullable") is True:
                out = {
                    "anyOf": [
                        {k: v for k, v in out.items() if k not in ("readOnly",)},
                        {"type": "null"},
                    ],
                    **({"readOnly": True} if node.get("readOnly") else {}),
                }
            return out
        if isinstance(node, list):
            return [spell_3_1(v) for v in node]
        return node

    new = spell_3_1(spiritme)
    new["openapi"] = "3.1.0"
    assert diff_documents(spiritme, new) == []


def test_diff_does_not_change_its_inputs(spiritme: dict[str, Any]) -> None:
    before = copy.deepcopy(spiritme)
    diff_documents(spiritme, mutated(spiritme, lambda d: d["paths"].pop("/api/avatars/")))
    assert spiritme == before


# ----------------------------------------------------------------- the corpus


CORPUS = shared_documents(SHARED / "corpus")


@pytest.mark.slow
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: getattr(p, "name", "no-shared"))
def test_renaming_every_component_of_a_real_document_is_only_renames(
    path: Path,
) -> None:
    """Every schema is compared in full (no shortcut applies), and nothing but the renames is found."""
    data = load_bytes(path.read_bytes(), source=str(path)).data
    if not str(data.get("openapi", "")).startswith("3."):
        pytest.skip("not OpenAPI 3")
    schemas = data.get("components", {}).get("schemas", {})
    renamed = json.loads(json.dumps(data).replace('"#/components/schemas/', '"#/components/schemas/Z'))
    if schemas:  # (a converted Swagger 2.0 document may have none)
        renamed["components"]["schemas"] = {"Z" + k: v for k, v in renamed["components"]["schemas"].items()}
    changes = diff_documents(data, renamed)
    assert {c.id for c in changes} == ({"api-schema-renamed"} if schemas else set())
    assert len(changes) == len(schemas)
    assert diff_documents(data, json.loads(json.dumps(data))) == []


# ----------------------------------------------------------------- formats


def test_every_format_matches_its_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SNAPSHOTS)
    for fmt, name in (
        ("text", "text.txt"),
        ("markdown", "markdown.md"),
        ("json", "json.json"),
        ("github", "github.txt"),
    ):
        result = run("diff", "old.yaml", "new.yaml", "--format", fmt)
        assert result.exit_code == 0, result.output
        if UPDATE_SNAPSHOTS:
            (SNAPSHOTS / name).write_text(result.stdout, encoding="utf-8")
        assert result.stdout == (SNAPSHOTS / name).read_text(encoding="utf-8"), fmt


def test_json_is_the_documented_shape_in_a_stable_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(SNAPSHOTS)
    data = json.loads(run("diff", "old.yaml", "new.yaml", "--format", "json").stdout)
    assert set(data) == {"breaking", "summary", "changes"}
    assert data["breaking"] is True
    assert set(data["summary"]) == {"breaking", "warning", "info"}
    assert sum(data["summary"].values()) == len(data["changes"])
    keys = "id level operation pointer definition message client_impact".split()
    assert all(list(change) == keys for change in data["changes"])
    order = [
        (
            ["breaking", "warning", "info"].index(c["level"]),
            c["operation"],
            c["pointer"],
        )
        for c in data["changes"]
    ]
    assert order == sorted(order)


def test_text_is_plain_off_a_terminal_and_coloured_on_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from generator.diff.compare import diff_specs
    from generator.diff.report import render

    monkeypatch.chdir(SNAPSHOTS)
    assert "\x1b[" not in run("diff", "old.yaml", "new.yaml").stdout
    coloured = render(diff_specs("old.yaml", "new.yaml"), "text", color=True)
    assert "\x1b[31m\x1b[1mBREAKING" in coloured


def test_github_annotations_escape_data_and_properties() -> None:
    assert _escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert _escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    github = (SNAPSHOTS / "github.txt").read_text(encoding="utf-8")
    assert all(
        re.fullmatch(
            r"::(error|warning|notice) file=new\.yaml,line=\d+,title=[a-z-]+::[^\r\n]*",
            line,
        )
        for line in github.splitlines()
    )


def test_identical_documents_report_no_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(SNAPSHOTS)
    result = run("diff", "old.yaml", "old.yaml", "--format", "markdown", "--fail-on", "warning")
    assert result.exit_code == 0
    assert "### API changes: no changes" in result.stdout


# ----------------------------------------------------------------- exit codes and bad input


def test_fail_on_sets_exit_1_only_when_a_change_reaches_the_level(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(FIXTURES)
    breaking = (
        "041-request-property-added-required/old.yaml",
        "041-request-property-added-required/new.yaml",
    )
    warning = (
        "068-response-optional-property-removed/old.yaml",
        "068-response-optional-property-removed/new.yaml",
    )
    info = ("005-operation-added/old.yaml", "005-operation-added/new.yaml")
    assert run("diff", *breaking).exit_code == 0
    assert run("diff", *breaking, "--fail-on", "never").exit_code == 0
    assert run("diff", *breaking, "--fail-on", "breaking").exit_code == 1
    assert run("diff", *warning, "--fail-on", "breaking").exit_code == 0
    assert run("diff", *warning, "--fail-on", "warning").exit_code == 1
    assert run("diff", *info, "--fail-on", "warning").exit_code == 0
    assert fails([], "warning") is False


def bad_input_line(result: Result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_bad_input_exits_2_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    good = SNAPSHOTS / "old.yaml"
    (tmp_path / "broken.yaml").write_text("openapi: 3.0.3\npaths: [\n")
    (tmp_path / "swagger.yaml").write_text("swagger: '1.2'\ninfo: {title: x, version: '1'}\npaths: {}\n")
    dangling = load(good)
    dangling["paths"]["/pets/"]["post"]["requestBody"]["content"]["application/json"]["schema"] = {
        "$ref": "#/components/schemas/Nope"
    }
    (tmp_path / "dangling.yaml").write_text(json.dumps(dangling))
    assert "missing.yaml: error: no such file" in bad_input_line(run("diff", str(good), "missing.yaml"))
    assert "broken.yaml" in bad_input_line(run("diff", str(good), "broken.yaml"))
    assert "unsupported Swagger version '1.2'" in bad_input_line(run("diff", "swagger.yaml", str(good)))
    assert "#/components/schemas/Nope does not exist" in bad_input_line(run("diff", str(good), "dangling.yaml"))
    assert run("diff", str(good), str(good), "--format", "yaml").exit_code == 2
    assert run("diff", str(good), str(good), "--fail-on", "sometimes").exit_code == 2


# ----------------------------------------------------------------- git:REF:path


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_inputs_read_a_revision_of_a_temporary_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def git(*args: str) -> None:
        subprocess.run(
            ["git", *args],
            cwd=tmp_path,
            check=True,
            capture_output=True,
            env={
                **os.environ,
                "GIT_CONFIG_GLOBAL": os.devnull,
                "GIT_CONFIG_SYSTEM": os.devnull,
            },
        )

    spec = tmp_path / "specs" / "api.yaml"
    spec.parent.mkdir()
    shutil.copy(SNAPSHOTS / "old.yaml", spec)
    git("init", "-q", "-b", "main")
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "add", ".")
    git(
        "-c",
        "user.name=t",
        "-c",
        "user.email=t@example.com",
        "commit",
        "-q",
        "-m",
        "old spec",
    )
    shutil.copy(SNAPSHOTS / "new.yaml", spec)
    monkeypatch.chdir(tmp_path)

    result = run(
        "diff",
        "git:HEAD:specs/api.yaml",
        "specs/api.yaml",
        "--format",
        "json",
        "--fail-on",
        "breaking",
    )
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["summary"] == {"breaking": 2, "warning": 4, "info": 2}
    annotations = run(
        "diff",
        "git:HEAD:specs/api.yaml",
        "git:HEAD:specs/api.yaml",
        "--format",
        "github",
    )
    assert annotations.exit_code == 0 and annotations.stdout == ""
    github = run("diff", "git:HEAD:specs/api.yaml", "specs/api.yaml", "--format", "github").stdout
    assert "file=specs/api.yaml,line=" in github
    assert "does not exist" in bad_input_line(run("diff", "git:HEAD:specs/nope.yaml", "specs/api.yaml"))
    assert bad_input_line(run("diff", "git:no-such-ref:specs/api.yaml", "specs/api.yaml")).startswith(
        "git:no-such-ref:specs/api.yaml: error:"
    )


# ----------------------------------------------------------------- update


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A local server whose /api/schema/ answers with ``served.body``; the test runs in tmp_path."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(fetch, "BACKOFF_SECONDS", 0.0)

    state = SimpleNamespace(body=(SNAPSHOTS / "old.yaml").read_bytes(), url="")

    def handler(request: Request) -> Reply:
        return Reply(
            200,
            state.body,
            {"Content-Type": "application/yaml", "ETag": f'"{len(state.body)}"'},
        )

    with LocalServer({"/api/schema/": handler}) as server:
        state.url = server.url
        yield state


def snapshot(folder: Path, body: bytes) -> Path:
    """``specs/spiritme.yaml`` under ``folder``, holding ``body``."""
    spec = folder / "specs" / "spiritme.yaml"
    spec.parent.mkdir()
    spec.write_bytes(body)
    return spec


def stamps(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_update_with_an_unchanged_schema_writes_nothing(served: Any, tmp_path: Path) -> None:
    snapshot(tmp_path, served.body)
    before = stamps(tmp_path)
    result = run("update", "--url", served.url)
    assert result.exit_code == 0, result.output
    assert "up to date" in result.stdout
    assert stamps(tmp_path) == before


def test_update_diffs_writes_logs_builds_and_exits_per_fail_on(served: Any, tmp_path: Path) -> None:
    spec = snapshot(tmp_path, served.body)
    served.body = (SNAPSHOTS / "new.yaml").read_bytes()

    result = run("update", "--url", served.url, "--format", "json", "--fail-on", "breaking")
    assert result.exit_code == 1, result.output
    assert json.loads(result.stdout)["summary"] == {"breaking": 2, "warning": 4, "info": 2}
    assert spec.read_bytes() == served.body
    assert json.loads((tmp_path / "specs" / "spiritme.lock.json").read_text())["etag"] == f'"{len(served.body)}"'
    log = (tmp_path / "specs" / "CHANGES.md").read_text(encoding="utf-8")
    assert log.startswith("# API changes\n")
    assert re.search(r"^## \d{4}-\d{2}-\d{2}: sha256 [0-9a-f]{12} → [0-9a-f]{12}$", log, re.M)
    assert (
        "6 changes (3 operations affected): 2 breaking, 2 warnings, 2 info" in log
        and "`new-required-request-property`" in log
    )
    assert (tmp_path / "generated" / "spiritme" / "resources" / "pets.py").is_file()

    served.body = served.body.replace(b"enum: [new, sold, lost]", b"enum: [new, sold, lost, found]")
    again = run("update", "--url", served.url, "--fail-on", "breaking")
    assert again.exit_code == 0, again.output
    assert (tmp_path / "specs" / "CHANGES.md").read_text(encoding="utf-8").count("\n## ") == 2


def test_update_refuses_a_document_that_is_not_openapi_and_keeps_the_snapshot(served: Any, tmp_path: Path) -> None:
    spec = snapshot(tmp_path, served.body)
    served.body = b"swagger: '1.2'\ninfo: {title: x, version: '1'}\npaths: {}\n"
    assert "unsupported Swagger version" in bad_input_line(run("update", "--url", served.url))
    assert spec.read_bytes() == (SNAPSHOTS / "old.yaml").read_bytes()
    assert not (tmp_path / "specs" / "CHANGES.md").exists()


# ----------------------------------------------------------------- oasdiff's rules and levels


OASDIFF_RULES = SHARED / "reference" / "oasdiff-rules.tsv"
OASDIFF_LEVEL = {"ERR": "breaking", "WARN": "warning", "INFO": "info"}


def oasdiff_rules() -> dict[str, dict[str, str]]:
    if not OASDIFF_RULES.is_file():
        pytest.skip(SHARED_MISSING)
    lines = OASDIFF_RULES.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return {row[0]: dict(zip(header, row)) for row in (line.split("\t") for line in lines[1:] if line)}


def reached_ids() -> set[str]:
    """Every id some fixture pair reports, read forwards or backwards."""
    found: set[str] = set()
    for folder in PAIRS:
        found |= {c.id for c in pair_diff(folder)} | {c.id for c in pair_diff(folder, backwards=True)}
    return found


def test_every_oasdiff_rule_we_claim_is_reached_by_a_fixture() -> None:
    claimed = sorted(set(oasdiff_rules()) & set(RULES))
    reached = reached_ids()
    unreached = [rule for rule in claimed if rule not in reached]
    assert not unreached, f"{len(unreached)} of {len(claimed)} claimed oasdiff ids have no fixture: {unreached}"


def test_levels_oasdiff_gives_oasdiff_s_level_for_every_id_it_has() -> None:
    wrong = {
        rule: (level_in("oasdiff", rule, RULES[rule]), OASDIFF_LEVEL[row["level"]])
        for rule, row in oasdiff_rules().items()
        if rule in RULES and level_in("oasdiff", rule, RULES[rule]) != OASDIFF_LEVEL[row["level"]]
    }
    assert not wrong, wrong


def test_our_levels_depart_from_oasdiff_only_where_the_docs_say_why() -> None:
    docs = (HERE.parent / "docs" / "diff.md").read_text(encoding="utf-8")
    rules = oasdiff_rules()
    departing = {rule for rule in RULES if rule in rules and RULES[rule] != OASDIFF_LEVEL[rules[rule]["level"]]}
    assert departing <= set(OASDIFF_LEVELS)
    undocumented = sorted(rule for rule in SECURITY_DEPARTURES if f"`{rule}`" not in docs)
    assert not undocumented


def test_document_rules_are_claimed_with_oasdiff_s_level() -> None:
    rules = oasdiff_rules()
    for rule, level in DOCUMENT_RULES.items():
        assert rule in rules, rule
        assert level == OASDIFF_LEVEL[rules[rule]["level"]], rule


def test_levels_oasdiff_changes_levels_and_exit_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES / "092-security-requirement-removed")
    ours = json.loads(run("diff", "old.yaml", "new.yaml", "--format", "json").stdout)
    theirs = json.loads(run("diff", "old.yaml", "new.yaml", "--format", "json", "--levels", "oasdiff").stdout)
    assert [c["level"] for c in ours["changes"] if c["id"] == "api-security-removed"] == ["breaking"]
    assert [c["level"] for c in theirs["changes"] if c["id"] == "api-security-removed"] == ["info"]
    assert run("diff", "old.yaml", "new.yaml", "--fail-on", "breaking").exit_code == 1
    assert run("diff", "old.yaml", "new.yaml", "--fail-on", "breaking", "--levels", "oasdiff").exit_code == 0


def test_deprecation_days_options_require_a_distant_sunset(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES / "d001-endpoint-deprecated-with-sunset")
    relaxed = json.loads(run("diff", "old.yaml", "new.yaml", "--format", "json").stdout)["changes"]
    assert [c["id"] for c in relaxed] == ["endpoint-deprecated-with-sunset"]
    far = run("diff", "old.yaml", "new.yaml", "--format", "json", "--deprecation-days-stable", "400000")
    assert [c["id"] for c in json.loads(far.stdout)["changes"]][0] == "api-sunset-date-too-small"
    assert run("diff", "old.yaml", "new.yaml", "--deprecation-days-beta", "-1").exit_code == 2


def test_sunset_dates_are_judged_against_today() -> None:
    folder = FIXTURES / "d006-api-removed-before-sunset"
    old, new = load(folder / "old.yaml"), load(folder / "new.yaml")
    after = diff_documents(old, new, policy=Policy(today=date(3000, 1, 1)))
    assert "api-removed-before-sunset" not in {c.id for c in after}
    assert "api-removed-before-sunset" in {
        c.id for c in diff_documents(old, new, policy=Policy(today=date(2026, 1, 1)))
    }


@pytest.mark.parametrize("command", ["diff", "update"])
def test_help_lists_only_the_exit_codes_a_command_returns(command: str) -> None:
    text = run(command, "--help").stdout
    codes = re.findall(r"^\s+(\d)\s{2}", text.split("Exit codes:")[1], re.M)
    assert codes == ["0", "1", "2", "3"]
    assert "build --check" not in text


# ----------------------------------------------------------------- counting changes as people read them


def test_a_shared_definition_changed_once_is_one_change_reaching_its_operations(
    spiritme: dict[str, Any],
) -> None:
    from generator.diff.report import DiffReport, grouped, markdown, text

    new = mutated(spiritme, lambda d: d["components"]["schemas"]["VideoStatusEnum"]["enum"].append("archived"))
    changes = diff_documents(spiritme, new)
    entries = [c for c in changes if c.id == "response-property-enum-value-added"]
    assert len(entries) > 1 and {c.definition for c in entries} == {"#/components/schemas/VideoStatusEnum"}
    groups = [g for g in grouped(changes) if g.first.id == "response-property-enum-value-added"]
    assert len(groups) == 1 and len(groups[0].changes) == len(entries)
    report = DiffReport(tuple(changes), "old", "new", "", lambda _: None)
    operations = len({c.operation for c in changes if c.operation})
    summary = f"{len(grouped(changes))} change{'s' * (len(grouped(changes)) != 1)} ({operations} operations affected): "
    assert report.summary().startswith(summary)
    assert text(report).count("response-property-enum-value-added") == 1
    assert markdown(report).count("`response-property-enum-value-added`") == 1
    assert all(f"`{c.method}`" in text(report) for c in entries)


# ----------------------------------------------------------------- lifecycle and media type rules


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2026-12-31", date(2026, 12, 31)),
        ("2026-12-31T23:30:00Z", date(2026, 12, 31)),
        ("2026-12-31t08:00:00+02:00", date(2026, 12, 31)),
        ("2026-02-30", None),
        ("31/12/2026", None),
        ("2026-12-31 ", None),
        (20261231, None),
        (date(2026, 1, 2), date(2026, 1, 2)),
    ],
)
def test_sunset_dates_read_as_oasdiff_reads_them(value: Any, day: date | None) -> None:
    from generator.diff.lifecycle import sunset_date

    assert sunset_date(value) == day


def test_stability_levels_and_the_days_they_require() -> None:
    from generator.diff.lifecycle import deprecation_days, in_scope, stability_of

    policy = Policy(deprecation_days_beta=31, deprecation_days_stable=180)
    assert [stability_of({"x-stability-level": s}) for s in ("draft", "beta", "gamma", 1)] == [
        "draft",
        "beta",
        None,
        None,
    ]
    assert stability_of({}) == ""
    assert [deprecation_days(policy, s) for s in ("draft", "alpha", "beta", "stable", "")] == [0, 0, 31, 180, 180]
    assert not in_scope("alpha") and in_scope("") and in_scope(None)


@pytest.mark.parametrize(
    ("general", "specific", "contained"),
    [
        ("application/json", "application/problem+json", True),
        ("application/problem+json", "application/json", False),
        ("application/json", "application/json; charset=utf-8", True),
        ("application/xml", "application/json", False),
        ("text/plain", "application/plain", False),
        ("application/json", "not a media type", False),
    ],
)
def test_response_media_types_pair_as_oasdiff_pairs_them(general: str, specific: str, contained: bool) -> None:
    from generator.diff.bodies import contained as holds

    assert holds(general, specific) is contained


def test_webhook_and_callback_operations_are_named_for_reports() -> None:
    from generator.diff.operations import operations
    from generator.diff.schemas import Views

    doc = load(FIXTURES / "d027-webhook-operation-removed" / "old.yaml")
    doc["paths"]["/pets"]["post"]["callbacks"] = load(FIXTURES / "d028-callback-operation-removed" / "old.yaml")[
        "paths"
    ]["/pets"]["post"]["callbacks"]
    labels = {op.label for op in operations(Views(doc, "")).values()}
    assert {"POST webhook:newPet", "PUT webhook:newPet"} <= labels
    assert "POST callback:POST /pets onAdopted {$request.body#/callbackUrl}" in labels


@pytest.mark.parametrize("folder", [p for p in PAIRS if p.name.startswith("d")], ids=lambda p: p.name)
def test_document_rules_state_their_client_impact(folder: Path) -> None:
    """Every change a document rule reports, either way, says what it does to code using the client."""
    for changes in (pair_diff(folder), pair_diff(folder, backwards=True)):
        silent = [c.id for c in changes if c.level != "info" and not c.client_impact]
        assert not silent, silent
