"""Helper package the recall21 reductions import (our own minimal code)."""
