"""Reading the number in a mention, as reports of this genre write it."""

import pytest

from analysis.language.numbers import numbers_in, parse_mention


@pytest.mark.parametrize("text, value, high, qualifier", [
    ("15起", 15, None, None),
    ("33.3%", 33.3, None, None),
    ("440多万条", 4_400_000, None, "more_than"),
    ("3千余份", 3000, None, "more_than"),
    ("5千米", 5, None, None),  # 千米 is a unit, not 千
    ("21万余元", 210_000, None, "more_than"),
    ("1万条", 10_000, None, None),
    ("1.35亿元", 135_000_000, None, None),
    ("80%以上", 80, None, "at_least"),
    ("20多项", 20, None, "more_than"),
    ("1-2名", 1, 2, "range"),
    ("约300人", 300, None, "approximately"),
    ("近50件", 50, None, "approximately"),
    ("１２３名", 123, None, None),
    ("1,506件", 1506, None, None),
    ("140人余人", 140, None, "more_than"),
])
def test_parse_mention(text, value, high, qualifier):
    said = parse_mention(text)
    assert (said.value, said.value_high, said.qualifier) == (value, high, qualifier)


@pytest.mark.parametrize("text", ["件", "4人所6个", ""])
def test_a_mention_holds_exactly_one_number(text):
    with pytest.raises(ValueError, match="a mention must hold exactly one"):
        parse_mention(text)


def test_numbers_in_counts_a_range_once():
    assert numbers_in("均安排了1-2名法律服务志愿者，共19个乡镇") == ["1-2", "19"]


@pytest.mark.parametrize("numeral, value", [
    ("两", 2), ("十", 10), ("十九", 19), ("二十", 20), ("一百零八", 108), ("三千五百", 3500),
])
def test_chinese_numerals(numeral, value):
    from analysis.language.numbers import chinese_to_int
    assert chinese_to_int(numeral) == value


def test_a_mention_in_chinese_numerals():
    said = parse_mention("两个部门")
    assert (said.value, said.qualifier) == (2, None)
