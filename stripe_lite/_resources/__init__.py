"""Generated services (see codegen/)."""
