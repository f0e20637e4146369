"""The loaded document → IR stage: operations, schemas and safe names (shared by build, diff and mock)."""
