"""ncr: compare what news sources claim."""

from functools import cache


@cache
def _installed_version() -> str:
    # importlib.metadata costs ~35 ms to import: read only when a version is asked for,
    # so ``ncr --help`` does not pay for it.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ncr")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module 'ncr' has no attribute {name!r}")
