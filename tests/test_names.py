"""The name rules: every wire name becomes a safe, stable Python identifier, and collisions get numbers."""

from __future__ import annotations

import keyword

import pytest

from generator.parse import names


@pytest.mark.parametrize(
    "wire, expected",
    [
        ("videoStatus", "video_status"),
        ("Video-Status", "video_status"),
        ("HTTPResponseCode", "http_response_code"),
        ("already_snake", "already_snake"),
        ("  spaced  out ", "spaced_out"),
        ("Ärger über Öl", "arger_uber_ol"),
        ("", "value"),
        ("💥", "value"),
        ("1st", "field_1st"),
        ("class", "class_"),
        ("None", "none"),
    ],
)
def test_snake(wire: str, expected: str) -> None:
    assert names.snake(wire) == expected


@pytest.mark.parametrize(
    "wire, expected",
    [
        ("batch-video_template", "BatchVideoTemplate"),
        ("video", "Video"),
        ("2fa", "Model2fa"),
        ("", "Model"),
        ("日本", "Model"),
    ],
)
def test_pascal(wire: str, expected: str) -> None:
    assert names.pascal(wire) == expected


@pytest.mark.parametrize(
    "wire, expected",
    [("in-queue", "IN_QUEUE"), ("1", "VALUE_1"), ("", "EMPTY"), ("none", "NONE"), ("for", "FOR"), ("_x", "X")],
)
def test_enum_member_names(wire: str, expected: str) -> None:
    assert names.upper(wire) == expected


def test_identifiers_are_clipped_to_a_readable_length() -> None:
    name = names.snake("a" * 500)
    assert len(name) <= names.MAX_IDENTIFIER and name.isidentifier()


@pytest.mark.parametrize("wire", ["model_config", "model_dump", "_private", "__class__", "schema", "json"])
def test_field_names_never_shadow_pydantic_or_private_attributes(wire: str) -> None:
    name = names.field_name(wire)
    assert name.isidentifier() and not keyword.iskeyword(name)
    assert not name.startswith("model_") or name.endswith("_")
    assert not name.startswith("_") or name.endswith("_")


def test_argument_names_avoid_the_methods_own_arguments() -> None:
    for reserved in sorted(names.RESERVED_ARGS):
        assert names.arg_name(reserved) != reserved


def test_class_names_that_the_modules_import_get_a_suffix() -> None:
    for reserved in sorted(names.RESERVED_CLASSES):
        assert names.class_name(reserved) != reserved
    assert names.class_name("Video", reserved={"Video"}) == "VideoModel"


@pytest.mark.parametrize("wire, expected", [("con", "con_"), ("NUL", "nul_"), ("com1", "com1_"), ("videos", "videos")])
def test_module_names_are_valid_file_names_everywhere(wire: str, expected: str) -> None:
    assert names.module_name(wire) == expected


def test_package_name_is_an_importable_identifier() -> None:
    assert names.package_name("SpiritMe API") == "spirit_me_api"
    assert names.package_name("import") == "import_"
    assert names.package_name("") == "client"


def test_namespace_numbers_collisions_in_order() -> None:
    scope = names.Namespace(reserved={"client"})
    assert [scope.claim(n) for n in ("video", "video", "client", "video")] == [
        "video",
        "video_2",
        "client_2",
        "video_3",
    ]


def test_namespace_casefold_treats_case_twins_as_one_name() -> None:
    scope = names.Namespace(casefold=True)
    assert scope.claim("Videos") == "Videos"
    assert scope.claim("videos") == "videos_2"


def test_a_family_claims_every_member_or_none() -> None:
    scope = names.Namespace(reserved={"AsyncVideos"})
    claimed = scope.claim_family("Videos", lambda n: (n, f"Async{n}"))
    assert claimed == "Videos_2"
    assert scope.taken("AsyncVideos_2")
