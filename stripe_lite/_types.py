"""Types that parameters use and the generated code names."""

from __future__ import annotations

from typing import IO, TypeAlias

__all__ = ["FileUpload"]

FileUpload: TypeAlias = "bytes | IO[bytes] | tuple[str, bytes | IO[bytes]] | tuple[str, bytes | IO[bytes], str]"
"""A file to upload: its bytes, an open binary file, or ``(filename, content[, content type])``."""
