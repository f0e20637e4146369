"""Videos whose status advances on each read, a publish action, multipart file uploads."""
