"""Extractors: one module per kind of thing found in a parsed article."""
