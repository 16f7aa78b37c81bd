"""Type stubs of zhfacts."""

from typing import Any, Iterable, Optional, Sequence

__version__: str

Record = dict[str, Any]

def extract(
    text: str,
    kinds: Optional[Sequence[str]] = None,
    year: Optional[int] = None,
) -> list[Record]:
    """Every fact of ``text`` as a dict, ordered by start.

    ``kinds``: only these kinds (``"number"``, ``"percentage"``, ``"ranking"``,
    ``"enterprise"``, ``"cluster_chain"``, ``"date"``, ``"formula"``). ``year``: the year
    the document was written (1000–9999). Raises ``ValueError`` for a bad kind or year.
    """

def extract_many(
    texts: Iterable[str],
    kinds: Optional[Sequence[str]] = None,
    year: Optional[int] = None,
    threads: Optional[int] = None,
) -> list[list[Record]]:
    """``[extract(t, kinds, year) for t in texts]``, extracted without the GIL on
    ``threads`` threads (default: one per core). ``texts`` is any iterable of ``str``
    (not a ``str`` itself: ``TypeError``). Raises ``ValueError`` for ``threads=0``.
    """
