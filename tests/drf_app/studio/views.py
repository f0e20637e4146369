"""Viewsets: videos (list, create, retrieve advancing the status, destroy, publish), files (multipart)."""

from __future__ import annotations

from typing import Any

from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from drf_app.studio.models import NEXT_STATUS, File, Video
from drf_app.studio.serializers import FileSerializer, VideoSerializer


class VideoViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,  # type: ignore[type-arg]
):
    queryset = Video.objects.order_by("id")
    serializer_class = VideoSerializer

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        video = self.get_object()
        answer = Response(self.get_serializer(video).data)
        if video.status in NEXT_STATUS:  # rendering moves one step per read
            video.status = NEXT_STATUS[video.status]
            video.thumbnail = f"https://cdn.example/{video.pk}.png" if video.status == "success" else ""
            video.save()
        return answer

    @action(detail=True, methods=["post"])
    def publish(self, request: Request, pk: str | None = None) -> Response:
        video = self.get_object()
        video.published = True
        video.save()
        return Response(self.get_serializer(video).data)


class FileViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,  # type: ignore[type-arg]
):
    queryset = File.objects.order_by("id")
    serializer_class = FileSerializer
    parser_classes = [MultiPartParser]
