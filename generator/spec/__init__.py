"""Reading a specification: sources, fetch, load, $ref resolution, validation (shared by build, diff and mock)."""
