"""Faithful readings in the data: counts in English by what they count, and no time frame the
text does not give."""

import re

import pytest

import analysis
from analysis import DataError, load_package
from analysis.language import labels
from tests.conftest import edit_row

FIGURES = analysis.load_figures()
COUNTS = FIGURES[FIGURES["measure"] == "count"]


@pytest.mark.parametrize("figure_id", COUNTS["figure_id"])
def test_a_count_is_written_in_english_with_the_noun_it_counts(figure_id):
    figure = analysis.get_figure(figure_id)
    amount = labels.amount(figure, "en", compact=False)
    one = figure["value"] == 1 and figure["qualifier"] != "range"
    assert amount.endswith(" " + figure["noun_en_singular" if one else "noun_en"]), amount
    assert not re.search(r"\bunits?\b|person-times?", amount)


def test_measure_words_are_not_rendered_as_units_or_person_times():
    units = analysis.load_table("units")
    assert not units["unit_en"].str.contains(r"\bunits?\b|person-time", regex=True).any()


def test_a_count_without_its_noun_is_named(data_copy):
    line = edit_row(data_copy / "figures.csv", {"figure_id": "townships_powers_taken_up"},
                    noun_en="", noun_en_singular="")
    with pytest.raises(DataError) as info:
        load_package(data_copy)
    assert f"figures.csv, line {line} (row {line - 1}), field 'noun_en': rule 'count noun'" in str(info.value)


def test_a_rate_with_a_count_noun_is_named(data_copy):
    line = edit_row(data_copy / "figures.csv", {"figure_id": "mediation_success_rate"},
                    noun_en="rates", noun_en_singular="rate")
    with pytest.raises(DataError, match=rf"line {line} .*field 'noun_en': rule 'count noun'.*not a count"):
        load_package(data_copy)


# Words that give each period; a figure's paragraph must hold one of them.
PERIOD_WORDS = {
    "year": [r"{year}年", "全年", "今年", "本年", r"\d+日"],  # a dated event falls in the year
    "year_to_date": ["今年以来"],
    "current": ["目前", "截至目前", "已", "现有"],
    "cumulative": ["累计", "以来"],
    "target": ["目标"],
    "plan": ["安排", "计划"],
}


def paragraph_of(raw: str, quote: str) -> str:
    start = raw.index(quote)
    return raw[raw.rfind("\n", 0, start) + 1: raw.find("\n", start)]


def test_every_stated_period_has_its_words_in_the_paragraph():
    package = analysis.load_package()
    wrong = []
    for figure in FIGURES.itertuples():
        if figure.period == "unstated":
            continue
        year = package.tables["reports"].set_index("report_id").loc[figure.report_id, "year"]
        paragraph = paragraph_of(package.raw[figure.report_id], figure.quote)
        words = [w.format(year=year) for w in PERIOD_WORDS[figure.period]]
        if not any(re.search(w, paragraph) for w in words):
            wrong.append((figure.figure_id, figure.period))
    assert wrong == []


def test_periods_are_not_all_the_year():
    # the point of the column: many figures are stocks, cumulative or undated
    assert set(FIGURES["period"]) >= {"year", "current", "cumulative", "unstated"}


def test_labels_keep_the_qualifying_words_of_the_chinese():
    """特色 (featured) and 参与 (took part) qualify what a figure counts; the English keeps them."""
    for word, english in [("特色", "featured"), ("参与", "took part")]:
        marked = FIGURES[FIGURES["indicator_zh"].str.contains(word)]
        assert not marked.empty, word
        for figure in marked.itertuples():
            assert english in figure.indicator_en.lower(), (figure.figure_id, figure.indicator_en)


def test_what_was_done_is_not_labelled_as_planned():
    """规划12处摊位 (stalls laid out) describes work done; "planned" would read as not yet done."""
    done = FIGURES[~FIGURES["period"].isin(["plan", "target"])]
    planned = done[done["indicator_en"].str.contains(r"\bplanned\b", case=False)]
    assert planned[["figure_id", "indicator_en"]].values.tolist() == []


def test_an_exclusion_in_the_quote_is_kept_in_both_labels():
    """食品经营许可5个工作日(除现场核查环节): the time leaves out the site inspection, in Chinese too."""
    excluding = FIGURES[FIGURES["quote"].str.contains("除")]
    assert not excluding.empty
    for figure in excluding.itertuples():
        assert re.search("除|不含", figure.indicator_zh), (figure.figure_id, figure.indicator_zh)
        assert re.search(r"exclud|except", figure.indicator_en), (figure.figure_id, figure.indicator_en)


def test_handling_without_paper_licences_is_not_called_licence_free():
    """无证办理: the agency reads electronic licences; "licence-free" would say no licence is needed."""
    from analysis.tables.glossary import lookup

    assert "licence-free" not in lookup("无证办理")["term_en"].lower()
    labels_en = [*FIGURES.loc[FIGURES["indicator_zh"].str.contains("无证办理"), "indicator_en"],
                 *analysis.load_table("measures")["summary_en"], *analysis.load_table("measures")["label_en"]]
    assert [label for label in labels_en if "licence-free" in label.lower()] == []


@pytest.mark.parametrize("lang, words", [("en", "satisfaction rate"), ("zh", "满意度")])
def test_a_chart_showing_the_satisfaction_rate_says_what_it_may_rate(lang, words):
    """满意度96%: the report does not say whether it rates the requests handled or the services."""
    import matplotlib.pyplot as plt

    from analysis.charts.catalogue import CATALOGUE

    shown = 0
    for spec in CATALOGUE:
        fig = spec.build(lang)
        info = fig.chart_info
        plt.close(fig)
        if "hotline_satisfaction" in info.figure_ids:
            shown += 1
            assert words in info.note.lower(), (spec.chart_id, info.note)
    assert shown


# ------------------------------------------------ readings of the audit, the card and the briefing

def _finding(finding_id):
    from analysis.audit.checks import audit

    return next(f for f in audit() if f.finding_id == finding_id)


def test_commitments_call_bodies_bodies_not_units():
    """单位 in 极个别单位 are bodies (agencies), not units; the English must not read as a measure."""
    commitments = analysis.load_table("commitments")
    for column in ("label_en", "summary_en"):
        assert not commitments[column].str.contains(r"\bunits?\b", regex=True).any(), column


def test_more_services_without_a_visit_than_online_is_explained_by_what_each_counts():
    """138 approvable without a visit against 118 online at district level: 'online need not be
    approvable without a visit' cannot explain more of the first; what each counts can."""
    a, b = (analysis.value("no_visit_services"), analysis.value("local_services_online"))
    assert a > b
    finding = _finding("featured-services-counts")
    assert "need not be approvable" not in finding.message_en
    assert "city or province" in finding.message_en and "district's local services" in finding.message_en
    assert "未必均可不见面审批" not in finding.message_zh and "市级、省级" in finding.message_zh


def test_an_order_to_act_anew_is_attached_to_the_revocation_in_chinese():
    """责令重新作出 goes with a revocation (or a finding of unlawfulness), not with 责令履行."""
    finding = _finding("rate-review_correction_rate")
    assert "责令履行（含责令重新作出）" not in finding.message_zh
    assert "撤销（含撤销并责令重新作出）" in finding.message_zh


def test_the_reading_over_cases_accepted_says_the_pending_cases_are_in_its_base():
    finding = _finding("rate-review_correction_rate")
    assert "pending" in finding.message_en.split("reproduced by")[1]
    assert "待办" in finding.message_zh.split("可得")[1]


def test_chinese_audit_messages_write_numbers_as_the_report_does():
    from analysis.audit.checks import audit

    assert [f.finding_id for f in audit() if re.search(r"\d,\d{3}", f.message_zh)] == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_review_caveat_gives_every_reading_of_the_stated_rate(lang):
    from analysis.briefing import messages

    caveat = next(c for c in messages.caveats(lang) if "33.3%" in c)
    words = {"zh": ["报告未说明有无此情形", "驳回", "某一件数有误"],
             "en": ["which the report does not say", "rejection", "slip"]}[lang]
    for word in words:
        assert word in caveat, word
    review = next(m for m in messages.messages(lang) if m.message_id == "review")
    assert ("待办" if lang == "zh" else "pending") in " ".join(review.sentences)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_petition_caveat_reads_the_visits_without_setting_them_against_the_sessions(lang):
    from analysis.briefing import messages

    caveat = next(c for c in messages.caveats(lang) if "139" in c)
    assert "相差悬殊" not in caveat
    for word in {"zh": ["集体访", "数字有误", "不宜表述为区领导接待"],
                 "en": ["group visit", "slip", "Do not quote it as visitors received by leaders"]}[lang]:
        assert word in caveat, word


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_card_shows_words_not_codes(lang):
    from analysis.briefing import card
    from analysis.briefing.findings import SEVERITY_WORDS

    report = analysis.load_table("reports")["report_id"].iloc[0]
    found = card.findings(report, lang)
    assert set(found["severity"]) <= {w[lang] for w in SEVERITY_WORDS.values()}
    analysis.set_language(lang)
    try:
        tables = [found["check"], card.audit_summary(report)["check"], card.damaged(report)["kind"],
                  card.tasks(report)["evidence"]]
    finally:
        analysis.set_language("en")
    for column in tables:
        assert not column.str.contains("_").any(), list(column)
    if lang == "zh":
        assert not card.damaged(report, "zh")["why"].str.contains("[A-Za-z]").any()


def test_notebook_tables_show_no_code_names():
    """Commitment ids, severity and check codes are code names: the stored outputs show words."""
    import nbformat

    from analysis.briefing.notebooks import ROOT

    codes = re.compile(r"shortcoming-[a-z]|priority-[a-z]|\[(material|minor|note)\]|\bpart_whole\b|"
                       r"\bdamaged_text\b|\binconsistent_name\b|\bdocument_number\b")
    found = {}
    for name in ["05-capacity-and-highlights", "06-shortcomings-and-plans", "07-audit", "08-appendix-data",
                 "report-card", "report-checks"]:
        nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
        text = "\n".join(out.get("text", "") + out.get("data", {}).get("text/plain", "")
                         for c in nb.cells if c.cell_type == "code" for out in c.outputs)
        hits = sorted(set(m.group(0) for m in codes.finditer(text)))
        if hits:
            found[name] = hits
    assert found == {}


# ------------------------------------------------ readings of notebooks 05-07, the audit and the caveats

def _markdown_and_outputs(name):
    import nbformat

    from analysis.briefing.notebooks import ROOT

    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    prose = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    printed = "\n".join(out.get("text", "") for c in nb.cells if c.cell_type == "code" for out in c.outputs)
    return prose, printed


def test_the_demonstration_campaign_is_not_read_as_creating_sites():
    """示范创建: places and projects seek to be named models; it does not build 'sites'."""
    commitments = analysis.load_table("commitments")
    demonstration = commitments[commitments["quote"].str.contains("示范创建")]
    assert not demonstration.empty
    for text in demonstration["summary_en"]:
        assert "demonstration sites" not in text and "示范创建" in text, text


def test_a_procedure_time_is_not_called_an_outcome_without_saying_it_may_be_a_time_limit():
    """企业开办压缩至2个工作日: a time limit set or a time achieved; the report does not say."""
    links = analysis.load_table("commitment_measures")
    durations = links[links["figure_id"].isin(FIGURES.loc[FIGURES["measure"] == "duration", "figure_id"])]
    assert not durations.empty
    for text in durations["what_it_shows"]:
        assert "time limit" in text, text
    prose, _ = _markdown_and_outputs("06-shortcomings-and-plans")
    assert "time limits set or times achieved" in prose


def test_a_rate_the_report_may_state_as_an_aim_keeps_both_readings_where_it_is_linked():
    """确保…达80%以上: the rate reached, or the aim of the measures."""
    links = analysis.load_table("commitment_measures")
    for text in links.loc[links["figure_id"] == "head_court_appearance_rate", "what_it_shows"]:
        assert "aim" in text, text


def test_the_full_time_mediators_note_gives_both_readings_of_the_hiring():
    """根据…会议精神，全区各乡镇聘请1名: the posts filled, or the decision to fill them."""
    note = analysis.get_figure("full_time_mediators_total")["note"]
    assert "decision" in note and "filled" in note


def test_notebook_05_neither_plans_the_stall_sites_nor_drops_the_distinctive_work():
    prose, printed = _markdown_and_outputs("05-capacity-and-highlights")
    assert not re.search(r"sites planned|a time a user spends", prose)
    assert "特色工作及亮点" in printed and "distinctive work" in printed
    assert "hired or provided for" in prose


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_rate_caveat_that_does_not_reproduce_gives_every_explanation(lang):
    """98.7% from 4,555/4,621: a slip in either count, another base, or another date."""
    from analysis.briefing import messages

    caveat = next(c for c in messages.caveats(lang) if "98.7%" in c)
    words = {"zh": ["分子为4559至4563", "分母为4613至4617", "分母另有所指", "统计时点不同"],
             "en": ["a numerator of 4,559 to 4,563", "a base of 4,613 to 4,617", "another base", "another date"]}
    for word in words[lang]:
        assert word in caveat, word


def test_the_floor_given_as_an_example_is_not_a_rate_that_may_be_an_aim():
    from analysis.briefing import messages

    for lang in ("zh", "en"):
        floors = next(s for s in messages.not_shown(lang) if "以上" in s)
        assert "80%以上" not in floors and "余" in floors, floors


def test_the_review_rate_finding_also_names_another_period_or_date():
    finding = _finding("rate-review_correction_rate")
    assert "another date" in finding.message_en and "accepted the year before" in finding.message_en
    assert "上年受理" in finding.message_zh and "统计时点不同" in finding.message_zh


@pytest.mark.parametrize("staff_id", ["township_enforcement_team_leaders", "township_service_centre_directors"])
def test_a_staffing_gap_is_not_read_only_as_empty_posts(staff_id):
    finding = _finding(f"staffing-{staff_id}")
    assert "report does not say" in finding.message_en and "报告未作说明" in finding.message_zh


def test_the_demonstration_campaign_names_projects_in_english_as_in_chinese():
    """示范创建 names model places and model projects (示范地区和项目), not only cities and counties."""
    from analysis.tables.glossary import lookup

    term = lookup("法治政府建设示范创建")
    assert "项目" in term["definition_zh"] and "projects" in term["definition_en"]


# ------------------------------------------------ readings of notebooks 00–04

def _notebook_text(name: str) -> str:
    """A notebook's prose and its stored printed output, as a reader sees them."""
    import nbformat

    from analysis.briefing.notebooks import ROOT

    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    parts = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            parts.append(cell.source)
        elif cell.cell_type == "code":
            parts.extend(out.get("text", "") for out in cell.outputs)
    return "\n".join(parts)


def test_a_review_rejection_is_labelled_as_a_ruling_for_the_agency():
    """驳回 rejects the application: read alone, "rejected 1" could pass for a case turned away."""
    assert "application rejected" in analysis.get_figure("review_rejected")["indicator_en"]
    assert "rejected 1 application (a ruling for the agency)" in _notebook_text("01-government-and-oversight")


def test_the_court_appearance_rate_under_ensure_is_read_both_ways_in_the_key_findings():
    """确保……出庭应诉率达80%以上 may report a rate reached or state an aim: the key finding says both."""
    assert "确保" in analysis.get_figure("head_court_appearance_rate")["quote"]
    line = next(line for line in _notebook_text("01-government-and-oversight").splitlines()
                if line.startswith("4. The court-appearance rate"))
    assert "rate reached" in line and "aim" in line


def test_a_target_sentence_is_not_read_as_met_only():
    """实现……的年度工作目标 under 推进 may report the target met or state the programme's aim."""
    from analysis.tables.figures import PERIOD_LABELS

    assert "aim" in PERIOD_LABELS["target"][1]
    for figure in FIGURES[FIGURES["period"] == "target"].itertuples():
        assert "says was met" not in figure.note and "aim" in figure.note, figure.figure_id
    assert "target the report says was met" not in _notebook_text("04-disputes-and-legal-services")


def test_people_counted_from_households_are_not_labelled_as_households():
    """低保户2人 counts people from such households, not households."""
    people = FIGURES[(FIGURES["unit"] == "人") & FIGURES["indicator_en"].str.contains("households")]
    assert not people.empty
    for figure in people.itertuples():
        assert "members of" in figure.indicator_en, (figure.figure_id, figure.indicator_en)


def test_the_natural_resource_audit_is_of_officials_management_not_their_own_assets():
    """领导干部自然资源资产审计 audits how officials managed the area's natural resources."""
    from analysis.tables.glossary import lookup

    assert "management of natural-resource assets" in lookup("领导干部自然资源资产离任审计")["term_en"]
    assert "officials' natural-resource assets" not in _notebook_text("01-government-and-oversight")


@pytest.mark.parametrize("name, wrong", [
    ("00-report-and-data", "No figure measures the"),  # notebook 06 links figures to the commitments
    ("00-report-and-data", "the plenary sessions held since"),  # 十九届二中、三中、四中、五中全会 only
    ("00-report-and-data", "district government publishes an annual report"),  # a duty, not a fact of practice
    ("01-government-and-oversight", "The district merged each township"),  # 推进人员整合: pushed ahead
    ("01-government-and-oversight", "now run as one"),  # 实现了: no time frame
    ("01-government-and-oversight", "led to opinions and suggestions"),  # 对审计发现的问题提出意见建议
    ("03-services-and-business", "Only the first is said to have been cut"),  # 压缩至 may cover both
    ("04-disputes-and-legal-services", "mediators were hired"),  # 聘请 under the meetings' decisions
    ("04-disputes-and-legal-services", "reinforce each one-person"),  # 不断充实“一人所”: no "each"
    ("04-disputes-and-legal-services", "Each is said to be pushed ahead"),  # 实施 and 加强 are not 推进
    ("00-report-and-data", "Each of the national plan's"),  # the mapping of sections to tasks is the package's
    ("00-report-and-data", "if some of the terminated cases"),  # one of the four gives the stated rate
    ("00-report-and-data", "documents it applied."),  # the Civil Code was the subject of a lecture
    ("01-government-and-oversight", "rate of normative documents ("),  # 区政府制定的: the district government's only
    ("01-government-and-oversight", "the new bodies were not all in place"),  # a post may be held concurrently
    ("02-law-enforcement", "The district issued ten measures"),  # 赣县法委字: issuer not named, likely the Party side
    ("02-law-enforcement", "legal review of major decisions"),  # 重大执法决定法制审核, not 重大行政决策
    ("03-services-and-business", "12345政务服务热线"),  # the report writes 政府服务热线
    ("04-disputes-and-legal-services", "key matters are assigned to them"),  # 领导包案: leaders of any level
])
def test_notebook_prose_keeps_no_reading_the_text_does_not_support(name, wrong):
    assert wrong not in _notebook_text(name)


def test_a_missing_section_shows_blank_not_nan():
    """The opening paragraph has no section: a reader's table shows nothing there, not NaN."""
    from analysis.briefing import views

    citations = analysis.load_table("citations")
    assert citations["section"].isna().any()
    html = views.table(citations[["section", "quote"]])._repr_html_()
    assert "NaN" not in html


# Verbs that announce work under way; 了, 已, 完成, 实现 or 建成 in the quote would say it was done.
UNDER_WAY = re.compile("加强|推进|完善|健全|探索|整合")
DONE = re.compile("了|已|完成|实现|建成")
AS_DONE = re.compile(r"\b(built up|improved|linked up|integrated|merged|tried|completed|achieved)\b")


def test_a_measure_under_way_is_not_labelled_as_done():
    """加强综治中心实体化建设 is 'building up', not 'built up'; 探索 is 'exploring', not 'tried'."""
    measures = analysis.load_table("measures")
    under_way = measures[measures["quote"].str.contains(UNDER_WAY) & ~measures["quote"].str.contains(DONE)]
    assert len(under_way) > 10
    wrong = [(m.measure_id, m.label_en) for m in under_way.itertuples() if AS_DONE.search(m.label_en)]
    assert wrong == []


def test_the_full_time_mediator_corps_keeps_full_time_in_both_labels():
    """加强专职人民调解员队伍建设: the heading is about full-time mediators, whatever the counts below cover."""
    corps = analysis.load_table("measures").set_index("measure_id").loc["mediation-corps"]
    assert "专职" in corps["quote"] and "专职" in corps["label_zh"] and "full-time" in corps["label_en"]


def test_a_goal_the_district_strives_for_is_not_read_as_reached():
    """争当……排头兵: the district strives to lead; 为……提供法治保障: the law is a safeguard for the goal."""
    citations = analysis.load_table("citations")
    striving = citations[citations["quote"].str.contains("争当")]
    assert not striving.empty
    for citation in striving.itertuples():
        assert "striv" in citation.name_en and "demonstration zone" in citation.name_en, citation.name_en


# ------------------------------------------------ third reading: notebooks 05-08, audit and briefing

@pytest.mark.parametrize("staff_id", ["township_enforcement_team_leaders", "township_service_centre_directors"])
def test_a_staffing_gap_keeps_the_time_of_writing_in_both_languages(staff_id):
    """目前全区已经配备17名…: the posts filled so far, in Chinese as in English."""
    finding = _finding(f"staffing-{staff_id}")
    assert "so far" in finding.message_en and finding.message_zh.startswith("目前已")


def test_the_chinese_briefing_does_not_name_the_publisher_the_text_does_not_name():
    """The raw text names no publisher; the English source note says it is inferred, and so must the Chinese."""
    from analysis.briefing.facts import report_facts

    assert "inferred" in report_facts("en").source
    zh = report_facts("zh").source
    assert "推断" in zh and "原文未写明" in zh


def test_measures_under_give_play_and_a_system_are_not_read_as_done():
    """进一步发挥…作用 gives legal advisers a fuller role, not consultations counted; 严格执行…述职制度
    applies a system and names no report made."""
    measures = analysis.load_table("measures").set_index("measure_id")
    advisers, reports = measures.loc["legal-advisers"], measures.loc["first-responsibility-reports"]
    assert "consulted" not in advisers["label_en"] + advisers["summary_en"]
    assert reports["label_en"] != "First responsible persons report"
    assert reports["summary_en"].startswith("The system under which")


@pytest.mark.parametrize("lang, year_word", [("zh", "全年"), ("en", "in the year")])
def test_a_briefing_heading_says_in_the_year_only_for_the_years_figures(monkeypatch, lang, year_word):
    """全年 / in the year follows each figure's recorded period, so another report whose legal aid
    count is cumulative is not called the year's."""
    from analysis.briefing import messages

    heading = next(m.heading for m in messages.messages(lang) if m.message_id == "legal_aid")
    assert year_word in heading
    real = messages.get_figure

    def cumulative(figure_id, *args, **kwargs):
        figure = real(figure_id, *args, **kwargs).copy()
        if figure_id == "legal_aid_cases":
            figure["period"] = "cumulative"
        return figure

    monkeypatch.setattr(messages, "get_figure", cumulative)
    heading = next(m.heading for m in messages.messages(lang) if m.message_id == "legal_aid")
    assert year_word not in heading


def test_the_civil_code_audience_is_principal_leaders_or_leaders_in_charge():
    """主要负责同志或分管领导: the principal leaders or the leaders in charge of the work, not
    "deputy heads"; the lecture was at an enlarged session of the central study group."""
    figure = analysis.get_figure("civil_code_lecture_main_venue")
    assert "主要负责同志或分管领导" in figure["quote"]
    assert "leaders in charge" in figure["indicator_en"] and "deputy" not in figure["indicator_en"]
    measure = analysis.load_table("measures").set_index("measure_id").loc["civil-code-lecture"]
    assert "enlarged session" in measure["summary_en"]


def test_the_mediators_hiring_names_all_three_meetings():
    """The hiring follows three meetings, the third (第4次区人事工作领导小组会议) undated."""
    text = _notebook_text("04-disputes-and-legal-services")
    assert "third meeting" in text


# ------------------------------------------------ fourth reading: key findings and prose of 00-06

def test_the_package_s_own_mapping_of_plans_is_not_presented_as_the_report_s():
    """Which figure could track a commitment, and which task a priority serves, is this package's reading."""
    text = _notebook_text("06-shortcomings-and-plans")
    assert "In this package's judgement, 4 of the 11 have no figure" in text
    assert "In this package's mapping, the priorities cover every task" in text
    assert "\n2. 4 of the 11" not in text and "\n3. The priorities cover" not in text


def test_the_completion_rate_of_leader_assigned_matters_has_its_count():
    """共对188件重点信访事项落实了领导包案化解,办结率达100%: the completion rate is over the stated matters;
    only the acceptance and on-time rates (截至目前) come with no count. 领导干部接访下访: leading officials,
    and the district, not the report, applies the system."""
    text = _notebook_text("04-disputes-and-legal-services")
    assert "The completion, acceptance and on-time rates are full and come with no count" not in text
    assert "completion rate of the leader-assigned matters is full, over the matters stated" in text
    assert "The report applies the system" not in text
    assert "system of leading officials receiving and visiting petitioners" in text


def test_one_mediator_per_village_is_put_in_place_not_said_to_exist_everywhere():
    """同时落实一村一名专职调解员: the district puts one in place per village; the text does not say every
    village (or community) has one."""
    text = _notebook_text("04-disputes-and-legal-services")
    assert "each village (or residential community) has a full-time mediator" not in text
    assert "puts in place one full-time mediator per village" in text


def test_lifelong_accountability_is_for_leading_officials():
    """实行领导干部……生态环境损害责任终身追究制: the system holds leading officials, not officials at large."""
    text = _notebook_text("01-government-and-oversight")
    assert "holds officials to lifelong" not in text and "holds leading officials to lifelong" in text


def test_full_rates_without_counts_are_not_called_most_of_the_rates():
    """Of the report's rates, those at 100% with no count behind them are about half, not most."""
    figures = analysis.load_figures()
    rates = figures[figures["unit"] == "%"]
    full = rates[rates["value"] == 100]
    assert 2 * len(full.drop(index=full.index[full["figure_id"] == "leader_cases_completion_rate"])) <= len(rates)
    assert "Most of the rates are full compliance" not in _notebook_text("00-report-and-data")


def test_measures_keep_their_qualifiers_in_key_findings():
    """对自由裁量权等基础资料: material such as that on discretion; 容缺审批+承诺制: on commitment too."""
    assert "basic material such as that on discretion" in _notebook_text("02-law-enforcement")
    assert "approval with documents to follow on commitment" in _notebook_text("03-services-and-business")
