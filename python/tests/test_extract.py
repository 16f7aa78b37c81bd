"""`zhfacts.extract` and `extract_many` against the Rust command, and their arguments."""

import sys

import pytest

import zhfacts

CHAR_FIELDS = ("char_start", "char_end")


def without_char_offsets(record: dict) -> dict:
    return {k: v for k, v in record.items() if k not in CHAR_FIELDS}


def test_seed_records_equal_the_rust_output(seed_text, seed_rust_records):
    records = zhfacts.extract(seed_text)
    assert len(records) == len(seed_rust_records) > 50
    for mine, rust in zip(records, seed_rust_records):
        rust = {k: v for k, v in rust.items() if k != "source"}
        assert without_char_offsets(mine) == rust


def test_char_offsets_slice_the_python_string(seed_text):
    texts = [
        seed_text,
        "𠮷野家营收3.98万元，增长5%😀，全市第一",
        "\u3000\n营收\r\n1005.5亿元",
    ]
    for text in texts:
        records = zhfacts.extract(text)
        assert records
        data = text.encode("utf-8")
        for r in records:
            assert text[r["char_start"] : r["char_end"]] == r["text"]
            assert data[r["start"] : r["end"]].decode("utf-8") == r["text"]


def test_extract_many_equals_a_loop_of_extract(seed_text):
    texts = seed_text.splitlines() + ["", "增长5%", "𠮷"]
    expected = [zhfacts.extract(t, year=2023) for t in texts]
    for threads in (None, 1, 2, 3):
        assert zhfacts.extract_many(texts, year=2023, threads=threads) == expected
    assert zhfacts.extract_many([]) == []


def test_extract_many_reads_any_iterable_in_batches(seed_text):
    # More text than three batches (256 KiB each): reading, extracting and making dicts
    # overlap, and the results still come in the order of the texts.
    lines = seed_text.splitlines()
    texts = lines * 100
    assert sum(len(t.encode("utf-8")) for t in texts) > 3 * (256 << 10)
    expected = [zhfacts.extract(t) for t in lines] * 100
    assert zhfacts.extract_many(iter(texts), threads=1) == expected
    assert zhfacts.extract_many(tuple(texts), threads=2) == expected
    assert zhfacts.extract_many(t for t in ["增长5%"]) == [zhfacts.extract("增长5%")]


def test_the_texts_are_left_as_they_were():
    # Asked for its UTF-8, a str keeps a copy of it for as long as it lives; the texts
    # are encoded into buffers of the call instead.
    texts = ["实现地区生产总值1234.5亿元，增长5.2%" * 10, "全市第一" * 100]
    sizes = [sys.getsizeof(t) for t in texts]
    assert zhfacts.extract(texts[0]) and zhfacts.extract_many(texts, threads=1)[1]
    assert [sys.getsizeof(t) for t in texts] == sizes


def test_lone_surrogates_raise():
    for call in (lambda: zhfacts.extract("增长\ud8005%"), lambda: zhfacts.extract_many(["增长5%", "\ud800"])):
        with pytest.raises(UnicodeEncodeError):
            call()


def test_kinds_and_year():
    text = "去年全市实现产值100亿元，增长5%，全市第一。"
    kinds = [r["kind"] for r in zhfacts.extract(text, kinds=["date", "percentage"])]
    assert kinds == ["date", "percentage"]
    (date,) = zhfacts.extract(text, kinds=["date"], year=2016)
    assert (date["text"], date["iso"]) == ("去年", "2015")


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: zhfacts.extract("x", kinds=["money"]), ValueError, 'unknown kind "money"'),
        (lambda: zhfacts.extract("x", year=99999), ValueError, "document year 99999 is outside 1000..=9999"),
        (lambda: zhfacts.extract_many(["x"], threads=0), ValueError, "threads must be at least 1"),
        (lambda: zhfacts.extract_many(["x"], kinds=["nope"]), ValueError, 'unknown kind "nope"'),
        (lambda: zhfacts.extract(b"bytes"), TypeError, None),
        (lambda: zhfacts.extract_many("not a list of texts"), TypeError, None),
        (lambda: zhfacts.extract_many([1, 2]), TypeError, None),
    ],
)
def test_bad_arguments_raise(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_docstrings_and_version():
    assert zhfacts.__version__ == "0.1.0"
    assert "char_start" in zhfacts.extract.__doc__
    assert "GIL" in zhfacts.extract_many.__doc__
