"""Tables formatted for readers: no row index, whole numbers as whole numbers, column names
in the reader's language, the figure id last."""

import pandas as pd

from analysis.briefing import views


def test_a_reader_table_hides_the_index_and_the_decimal_point_of_whole_numbers():
    frame = pd.DataFrame({"figure_id": ["a", "b"], "section": ["一、", "二、"],
                          "value": [123.0, 7.0], "share": [0.5, 1.0]}).set_index("figure_id")
    html = views.table(frame, lang="en").to_html()
    assert "123" in html and "123.0" not in html
    assert "0.5" in html  # not every float is a count
    assert "Section" in html and "Figure id" in html
    assert html.index("Section") < html.index("Figure id")  # the id moved last
    assert "row_heading" not in html  # no row index


def test_a_reader_table_names_its_columns_in_chinese():
    frame = pd.DataFrame({"section": ["一、"], "quote": ["原文"]})
    html = views.table(frame, lang="zh").to_html()
    assert "章节" in html and "原文" in html and "Section" not in html
