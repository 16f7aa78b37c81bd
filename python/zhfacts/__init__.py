"""Facts from Chinese government-report prose, as dicts.

>>> import zhfacts
>>> [(f["kind"], f["text"], f["value"]) for f in zhfacts.extract("实现地区生产总值1234.5亿元，增长5.2%")]
[('number', '1234.5亿元', 123450000000.0), ('percentage', '5.2%', 5.2)]

Each dict is the JSON record of the record contract (``kind``, ``text``, ``start``/``end``
as byte offsets into the UTF-8 text, the fields of its kind), plus ``char_start`` and
``char_end``, which slice the Python string.
"""

from ._zhfacts import __version__, extract, extract_many

__all__ = ["extract", "extract_many", "__version__"]
