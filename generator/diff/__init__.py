"""The diff product: two documents → located changes with levels and client impact → reports."""
