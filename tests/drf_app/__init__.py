"""A small SpiritMe-like API on Django REST framework + drf-spectacular, served by tests/test_integration_drf.py."""
