"""The studio's data: videos rendered in steps, uploaded files."""

from __future__ import annotations

from django.db import models

STATUSES = [("created", "created"), ("processing", "processing"), ("success", "success"), ("error", "error")]
NEXT_STATUS = {"created": "processing", "processing": "success"}
KINDS = [("image", "image"), ("audio", "audio"), ("video", "video")]


class Video(models.Model):
    name = models.CharField(max_length=40, unique=True)  # a 400 only the server knows
    project = models.CharField(max_length=40, blank=True, default="")
    status = models.CharField(max_length=20, choices=STATUSES, default="created")
    thumbnail = models.CharField(max_length=200, blank=True, default="")
    published = models.BooleanField(default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "studio"


class File(models.Model):
    name = models.CharField(max_length=200)
    size = models.IntegerField(default=0)
    kind = models.CharField(max_length=10, choices=KINDS, default="image")

    class Meta:
        app_label = "studio"
