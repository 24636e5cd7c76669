"""Helper package of the 0x00-A reduction (recall20): server-side message translation."""
