"""Helper package of the vivi-uch reduction (recall20): elections, candidates and votes."""
