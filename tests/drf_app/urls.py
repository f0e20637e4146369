"""Routes under /api/, and the schema at /api/schema/ (Token auth required, as SpiritMe serves it)."""

from __future__ import annotations

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from drf_app.studio.views import FileViewSet, VideoViewSet

router = DefaultRouter()
router.register("videos", VideoViewSet)
router.register("files", FileViewSet)

urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/", include(router.urls)),
]
