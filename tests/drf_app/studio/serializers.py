"""Serializers: version 2 drops ``thumbnail`` from videos and requires ``project`` on create."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework import serializers

from drf_app.studio.models import File, Video

V2 = settings.API_VERSION == "2"


class VideoSerializer(serializers.ModelSerializer[Video]):
    class Meta:
        model = Video
        fields = ["id", "name", "project", "status", "published", "created"] + ([] if V2 else ["thumbnail"])
        read_only_fields = ["status", "thumbnail", "published", "created"]
        extra_kwargs = {"project": {"required": True, "allow_blank": False}} if V2 else {}


class FileSerializer(serializers.ModelSerializer[File]):
    file = serializers.FileField(write_only=True)

    class Meta:
        model = File
        fields = ["id", "file", "kind", "name", "size"]
        read_only_fields = ["name", "size"]

    def create(self, validated_data: dict[str, Any]) -> File:
        upload = validated_data.pop("file")
        return File.objects.create(name=upload.name, size=upload.size, **validated_data)
