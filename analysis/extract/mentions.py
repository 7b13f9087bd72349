"""Find every numeric mention in a rule-of-law report's plain text.

`python -m analysis extract PATH` reads a report (UTF-8, or GB18030 detected and decoded; Big5 and
other encodings get an error saying what the file looks like), paragraph by paragraph so that memory
stays flat, and gives each number: its offsets and raw text, value, unit, qualifier, direction, kind,
sentence and section path.

Each line is read through a normalised copy of the same length (full-width digits and signs made
ASCII, the traditional characters of units and verbs made simplified), so that the offsets and the
text given back are the original's.

Kinds: figure, percentage, money, change, rank (the figure-like kinds), and date, year,
document_number, outline_marker, name, page_metadata, fragment (the rest). A change keeps its direction
(increase or decrease) and its value is the size of the change, never negative. Before→after pairs
(由69项增加至616项) are two figure mentions sharing a pair id. Web-page furniture (publish and update
times, source, index number, view counts) is page_metadata, with the field in `role`. Characters lost
in publication (911日 for 9月11日, 20209号 for 〔2020〕9号, 20212025年 for 2021—2025年) are classified as
what they were, with the reading.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Iterator, TextIO

from ..language.numbers import MULTIPLIERS, QUALIFIER_WORDS, SCALE, SCALES, chinese_to_int
from ..tables.encoding import looks_like_big5

FIGURE_KINDS = ("figure", "percentage", "money", "change", "rank")
KINDS = FIGURE_KINDS + ("date", "year", "document_number", "outline_marker", "name", "page_metadata",
                        "fragment")
DIRECTIONS = ("increase", "decrease")
CHUNK = 1 << 20

# One character for one character, so that offsets in the normalised line are the original's.
_TRADITIONAL = "萬億餘個項條戶場組隊張間輛臺兩歲長減較為從點處種類時鐘畝噸級輪屆筆單頁聲頭隻約週號來內門數計壓縮環過於學雙參審達際額總務辦規範劃進實產費佔僅幾與"
_SIMPLIFIED = "万亿余个项条户场组队张间辆台两岁长减较为从点处种类时钟亩吨级轮届笔单页声头只约周号来内门数计压缩环过于学双参审达际额总务办规范划进实产费占仅几与"
NORMALISE = str.maketrans("０１２３４５６７８９．％＋－−～" + _TRADITIONAL, "0123456789.%+--~" + _SIMPLIFIED)
# Most lines need no normalising: finding out is cheaper than translating.
NEEDS_NORMALISING = re.compile(f"[０-９．％＋－−～{_TRADITIONAL}]")

NUM = r"[0-9]+(?:,[0-9]{3}(?![0-9]))*(?:\.[0-9]+)?"
CN_DIGIT = "零〇一二两三四五六七八九十百千"
# Measure words after a number, longest first so that 人次 wins over 人.
UNITS = sorted(set("""个工作日 工作日 人次 场次 户次 件次 家次 批次 余人 平方米 平方公里 公里 千米 小时 分钟 学时 课时
个月 个百分点 百分点 大类 部委 部门 公斤 千克 件 起 人 名 个 项 条 次 篇 册 处 种 户 元 家 所 类 批 场 期 届 份 本 部 台 辆 座 间 张 支 组
队 站 村 镇 乡 省 天 日 年 周 倍 位 级 轮 套 亩 吨 米 宗 单 笔 例 卷 盒 棵 株 头 只 声 封 页 字 岁 分 万 亿""".split()),
               key=lambda u: (-len(u), u))
UNIT_SET = set(UNITS)
CN_UNITS = set("个次期名人项件起家批场篇条处种户倍位轮份年天类所站队组")
UNIT_RE = "|".join(re.escape(u) for u in UNITS if u not in ("万", "亿", "余人"))

TOKEN = re.compile(rf"(?P<ar>{NUM}(?:\s*[-–—~至]\s*{NUM})?)|(?P<cn>[{CN_DIGIT}]+)")
# HTML tags start with a letter, / or !; <…> around a Chinese title is a title mark, read inside.
MARKUP = re.compile(r"<[/!]?[A-Za-z][^<>\n]{0,300}>|&#?[A-Za-z0-9]{1,10};")
TAIL = re.compile(rf"\s*(?P<q1>[余多])?\s*(?P<mult>{SCALE})?\s*(?P<q2>[余多])?\s*"
                  rf"(?P<unit>{UNIT_RE}|/月|/年)?(?P<garble>余人)?(?:\s*(?P<q3>以上|以下|以内|左右|余))?")
PERCENT = re.compile(r"\s*%(?:\s*(?P<q>以上|以下|以内|左右))?")
# Tenths: 8成以上, 九成 (a share in tenths, its value as written); not 成员, 成果, 建成.
TENTHS = re.compile(r"\s*成(?:\s*(?P<q>以上|以下|以内|左右))?(?=以|左|的|多|[，,。；;、）)\s]|$)")
POINTS = re.compile(r"\s*(个百分点|百分点|倍)(?:\s*(?P<q>以上|以下|以内|左右))?")
# The next of a list of changes: 同比分别增长77.76%、65.78%
LIST_NEXT = re.compile(r"\s*(?:、|和|与|及|,|，)\s*$")
# A change: its verb just before the number, perhaps after a comparison (同比, 较上年) and before a
# short object (减少材料45%); not a level reached (下降至6.3%).
CHANGE_VERB = re.compile(
    r"(?P<cmp>同比|环比|同期|比上年|较上年|比去年|较去年|比上一年|较上一年|比[0-9]{4}年|较[0-9]{4}年)?"
    r"(?:分别|平均|均)?(?P<verb>增长|增加|上升|提高|提升|增幅为?|下降|减少|降低|下滑|回落|压缩|压减|缩短|减轻|"
    r"降幅为?)了?(?P<obj>[^\s0-9,，。；;、:：至到为达]{0,4}?)\s*$")
INCREASE = ("增长", "增加", "上升", "提高", "提升", "增幅")
PAIR = re.compile(rf"(?:由|从)\s*(?P<a>{NUM})\s*(?P<ua>{UNIT_RE})?[^0-9。；，,\n]{{0,8}}?(?:至|到|为)\s*"
                  rf"(?P<b>{NUM})\s*(?P<ub>{UNIT_RE})")
DOCNUM = re.compile(r"[〔\[【(（]\s*(?P<y>[0-9]{4})\s*[〕\]】)）]\s*(?P<n>[0-9]{1,6})\s*号"
                    r"|(?<=字)(?P<fused>[0-9]{5,8})号|第\s*(?P<s>[0-9]{1,6})\s*号")
DATE = re.compile(
    r"(?P<y>[0-9]{4})\s*年\s*(?P<m>[0-9]{1,2})\s*月(?:\s*(?P<d>[0-9]{1,2})\s*日)?"
    r"|(?<![0-9])(?P<m2>[0-9]{1,2})\s*月\s*(?P<d2>[0-9]{1,2})(?:\s*[-—至~]\s*(?P<d3>[0-9]{1,2}))?\s*日"
    r"|(?<![0-9年月./个])(?P<fused>[0-9]{3,8})(?:\s*[-—至]\s*(?P<d4>[0-9]{1,2}))?日"
    r"|(?<![0-9./个])(?P<m5>[0-9]{1,2})\s*月份"
    # a month without a day: 3月底前, 自4月起, 1至6月
    r"|(?<![0-9.个第])(?P<m6>[0-9]{1,2})(?:\s*[至\-~]\s*(?P<m7>[0-9]{1,2}))?\s*月(?!\s*[0-9])"
    # a day named by its date, in quotes: “3·15”消费者权益日, “12·4”国家宪法日
    r"|(?<=[“\"「])(?P<m8>1[0-2]|0?[1-9])[·.](?P<d8>3[01]|[12][0-9]|0?[1-9])(?=[”\"」])")
HAS_DATE = re.compile(r"[0-9]\s*[月日]|[0-9][·.][0-9]{1,2}[”\"」]")  # cheap tests before the full patterns
HAS_STAMP = re.compile(r"[0-9][-/.][0-9]{1,2}[-/.][0-9]")
STAMP = re.compile(r"(?<![0-9.])(?:[0-9]{4}\s*[-/.]\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{1,2}"
                   r"|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4})(?![0-9])"  # 2021/03/29, 2022-03-31, 18.03.2015
                   r"(?:\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?")
CN_STAMP = re.compile(r"[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?")
HAS_YEAR = re.compile(r"[0-9]\s*年")
YEAR = re.compile(r"(?<![0-9.])(?P<y>(?:19|20)[0-9]{2})(?=\s*年)")
YEAR_RANGE = re.compile(r"(?<![0-9.])(?P<a>(?:19|20)[0-9]{2})\s*(?:[-–—~至到]{1,2})\s*(?P<b>(?:19|20)[0-9]{2})(?![0-9.])")
FUSED_YEARS = re.compile(r"(?<![0-9.])(?P<a>(?:19|20)[0-9]{2})(?P<b>(?:19|20)[0-9]{2})(?=\s*年)")
# Names made of digits: 1+2, 1+3+N, 12345+N (models, platforms), 7×24 (service hours).
DIGIT_NAME = re.compile(r"(?<![0-9.])[0-9]+(?:\s*\+\s*(?:[0-9]+|[A-Za-z]))+(?![0-9])"
                        r"|(?<![0-9.])[0-9]+\s*[×xX*]\s*[0-9]+(?=\s*小时)")
HOTLINES = {"12345", "12348", "12315", "12333", "12309", "12388", "12319", "12369", "110", "119", "120", "122"}
SENTENCE_END = "。！？；!?;"
# Context patterns around a number, compiled once: the extractor runs them millions of times.
RANGE_SEP = re.compile(r"\s*[-–—~至]\s*")
RANK_UNIT = re.compile(r"\s*(位|名)")
ORDINAL_UNIT = re.compile(r"\s*[^\s，,。；]?")
VERSION_AFTER = re.compile(r"\s*(版|建设|版本)")
HOURS_NAME = re.compile(r"\s*小时\s*(自助|自动|服务|不打烊|营业|在线|值班|便民|智慧|智能|政务|热线|窗口|大厅|驿站|“|\")")
CATEGORY = re.compile(r"\s*(?:人所|岁\s*(?:及?以上|及?以下)|级\s*指标)")  # 4人所, 35岁以下, 1级指标
PERIOD = re.compile(r"\s*年\s*(?:来|以来)")
RECENT_PERIOD = re.compile(r"\s*(?:个\s*)?(?:年度|年|月)")  # after 近: 近3年, 近两个年度, 近三个月
RANK_TOP = re.compile(r"(排名|排位|排在|位居|位列|名列|进入|跻身|居|列)[^，,。；;\s]{0,6}前$")
# a plenary session named by its number: 六届七次、八次全会
SESSION = re.compile(r"次\s*(?:全会|全体会议|全委会)")
ELIDED = re.compile(r"\s*[(（]\s*略\s*[)）]")
UNIT_AFTER = re.compile(rf"\s*({UNIT_RE})")
COUNTED = re.compile(r"(共|合计|总计|累计|计)$")
BEFORE_QUALIFIER = re.compile(r"(?:(至少|不少于|不低于|超过)[^\s0-9，,。；;:]{0,3}"
                              r"|(不超过|不足|不到|少于|低于|逾|大约|将近|(?<![预签履违合制公特邀相缔民])约|(?<![最附接靠])近))$")
RANK_BEFORE = re.compile(r"(排名|排在|位居|位列|名列|居|列|蝉联)[^，,。；;\s]{0,6}第$")
CN_SCALED = re.compile(rf"(?=[余多万亿])(?P<q1>[余多])?(?P<mult>[万亿])?(?P<q2>[余多])?(?P<unit>{UNIT_RE})")
CN_YEAR_DIGITS = str.maketrans("〇零一二两三四五六七八九", "001223456789")
CN_YEAR_WORDS = re.compile(r"(行动|规划|计划|攻坚|来|以来|内|间|期间|一度|过渡)")
OUTLINE = re.compile(r"\s*(?:(?P<l1>[零〇一二三四五六七八九十]+)、|[(（](?P<l2>[零〇一二三四五六七八九十]+)[)）]"
                     r"|(?P<l3>[0-9]+)[.、](?![0-9])|[(（]?(?P<l4>[0-9]+)[)）])")
# Web-page furniture: a label and its value, on a short line without a full stop.
META_LABEL = re.compile(r"(今天是|文章来源|信息来源|来源|发布时间|更新时间|发布日期|更新日期|成文日期|发文日期|"
                        r"印发日期|时间|日期|浏览次数|浏览量|点击率|点击数|点击量|阅读次数|阅读量|阅读数|访问量|"
                        r"访问次数|索\s*引\s*号|发文字号|字体大小|字体|字号|网站标识码|联系电话|邮政编码|邮编|"
                        r"阅读|浏览|点击|访问)\s*(?:[:：]|(?<=今天是))")
SPACED_LABEL = re.compile(r"(信息索引号|索\s*引\s*号|成文日期|发文日期|发布日期|印发日期)\s+(?=[0-9A-Za-z])")
META_FIELDS = {"今天是": "today", "文章来源": "source", "信息来源": "source", "来源": "source",
               "发布时间": "published", "发布日期": "published", "时间": "published", "日期": "published",
               "更新时间": "updated", "更新日期": "updated", "成文日期": "dated", "发文日期": "dated",
               "印发日期": "dated", "索引号": "index_number", "信息索引号": "index_number", "发文字号": "document_number",
               "网站标识码": "site_code", "联系电话": "phone", "邮政编码": "postcode",
               "邮编": "postcode",
               "字体大小": "font", "字体": "font", "字号": "font"}
META_VALUE = re.compile(
    r"(?<![0-9A-Za-z])(?P<stamp>(?:[0-9]{4}\s*[-/.年]\s*[0-9]{1,2}\s*[-/.月]\s*[0-9]{1,2}(?:\s*日)?"
    r"|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{4})(?:\s*[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?)"
    r"|(?<![0-9A-Za-z])(?P<index>[0-9A-Za-z]{4,}(?:\s*[-/]\s*[0-9A-Za-z]+)+)"
    r"|(?P<doc>[〔\[【(（]\s*[0-9]{4}\s*[〕\]】)）]\s*[0-9]{1,6}\s*号)"
    r"|(?P<num>[0-9]+(?:\.[0-9]+)?)")
# Furniture without a label's colon: a site's registrations in the footer, a printed page's number.
FOOTER = re.compile(r"ICP\s*备\s*[0-9]+\s*号(?:\s*-\s*[0-9]+)?|公网安备\s*[0-9]+\s*号"
                    r"|第\s*[0-9]+\s*页\s*[,，/、]?\s*共\s*[0-9]+\s*页|共\s*[0-9]+\s*页\s*[,，/、]?\s*第\s*[0-9]+\s*页")
TABLE_UNIT = re.compile(r"[(（]\s*([^()（）\s]{1,5})\s*[)）]\s*$")
YEAR_CELL = re.compile(r"\s*(?:19|20)[0-9]{2}\s*(?:年度?)?\s*")


class ExtractError(ValueError):
    """The input cannot be read as a report's text; the message says why."""


@dataclass
class Mention:
    report_id: str
    start: int
    end: int
    text: str
    value: float | None
    value_high: float | None
    unit: str
    qualifier: str
    kind: str
    sentence: str
    section: str
    pair_id: str = ""
    role: str = ""       # before/after in a pair; the page field of page metadata
    reading: str = ""    # what damaged text most likely was
    direction: str = ""  # increase or decrease, for a change


FIELDS = ["report_id", "start", "end", "text", "value", "value_high", "unit", "qualifier", "direction",
          "kind", "sentence", "section", "pair_id", "role", "reading"]


# ------------------------------------------------------------------ reading


def detect_encoding(path: Path) -> str:
    """utf-8 (with or without BOM) or gb18030, checked over the whole file in chunks."""
    size = path.stat().st_size
    if size == 0:
        raise ExtractError(f"{path}: the file is empty")
    with open(path, "rb") as fh:
        head = fh.read(CHUNK)
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise ExtractError(f"{path}: the text is UTF-16 (it starts with a UTF-16 byte-order mark); "
                           "convert it to UTF-8")
    if b"\x00" in head:
        raise ExtractError(f"{path}: this looks like a binary file (it contains NUL bytes); "
                           "give the report as plain text")
    for encoding in ("utf-8-sig", "gb18030"):
        decoder = codecs.getincrementaldecoder(encoding)()
        seen_text = False
        try:
            with open(path, "rb") as fh:
                while chunk := fh.read(CHUNK):
                    seen_text = bool(decoder.decode(chunk).strip()) or seen_text
                decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        if not seen_text:
            raise ExtractError(f"{path}: the file holds only white space")
        if encoding == "gb18030" and looks_like_big5(head):
            raise ExtractError(f"{path}: the text looks like Big5 (traditional Chinese), not UTF-8 or "
                               "GB18030; convert it to UTF-8 (for example: iconv -f BIG5 -t UTF-8)")
        return encoding
    raise ExtractError(f"{path}: the text is neither UTF-8 nor GB18030; convert it to UTF-8")


def paragraphs(path: Path, encoding: str) -> Iterator[tuple[int, str]]:
    """(offset, line) for every line of the decoded text, offsets in characters."""
    offset = 0
    with open(path, encoding=encoding, newline="") as fh:
        for line in fh:
            yield offset, line
            offset += len(line)


# ----------------------------------------------------------------- numbers


def number(text: str) -> Decimal:
    """A number as written (normalised): 1,234.5 -> Decimal('1234.5')."""
    return Decimal(text.replace(",", ""))


def _value(text: str, mult: str | None = None) -> float:
    """Exact: 149.33亿 is 14933000000, not 14932999999.999998 (a float read from the digits is
    already the nearest; only multiplying needs decimal arithmetic)."""
    if not mult:
        return float(text.replace(",", ""))
    return float(number(text) * SCALES[mult])


_SENTENCE_STOP = re.compile(f"[{SENTENCE_END}]")


def _sentence(line: str, start: int, end: int, stops: list[int] | None = None) -> str:
    """The sentence of line that holds [start, end); stops, if given, are the offsets just
    after each sentence end in line (computed once per line by the caller)."""
    if stops is None:
        stops = [m.end() for m in _SENTENCE_STOP.finditer(line)]
    i = bisect.bisect_right(stops, start)
    left = stops[i - 1] if i else 0
    j = bisect.bisect_right(stops, end)
    right = stops[j] if j < len(stops) else len(line)
    return line[left:right].strip()


def _date_reading(digits: str, tail: str | None) -> str:
    """911 -> 9月11日; 202093 -> 2020年9月3日; 929 with tail 30 -> 9月29-30日."""
    year = ""
    if len(digits) >= 5 and digits[:2] in ("19", "20"):
        year, digits = digits[:4] + "年", digits[4:]
    readings = []
    for cut in range(1, len(digits)):
        month, day = int(digits[:cut]), int(digits[cut:])
        if 1 <= month <= 12 and 1 <= day <= 31 and not digits[cut:].startswith("0"):
            readings.append(f"{year}{month}月{day}{'-' + tail if tail else ''}日")
    return " or ".join(readings)


def _inside_quotes(before: str) -> bool:
    return (before.count("“") > before.count("”") or before.count("《") > before.count("》")
            or before.count("「") > before.count("」") or before.count('"') % 2 == 1)


def _table_unit(cell: str) -> str:
    """The unit a table header or row label gives its numbers: 罚款（宗） -> 宗, (万元) -> 万元."""
    found = TABLE_UNIT.search(cell)
    if not found:
        return ""
    unit = found.group(1)
    if unit == "%" or unit in UNIT_SET or (unit[0] in "万亿" and unit[1:] in UNIT_SET):
        return unit
    return ""


@dataclass
class _Row:
    """A table row: its cells' spans, and what the table says of bare numbers in them."""

    cells: list[tuple[int, int]]
    units: list[str]      # per cell, from the row label, the header or the row's own % signs
    years: bool           # a header row of years (2019 | 2020)

    def cell(self, at: int) -> int:
        return next((i for i, (a, b) in enumerate(self.cells) if a <= at < b), -1)


# --------------------------------------------------------------- extraction


class Extractor:
    """Stateful over one document: tracks the outline, tables and page furniture as
    paragraphs stream past."""

    def __init__(self, report_id: str = ""):
        self.report_id = report_id
        self.levels: dict[int, str] = {}
        self.pairs = 0
        self.columns: list[str] | None = None  # units of the current table's columns
        # A table flattened one cell to a line ("警告 |" … "|" … "0 |"): its headers' units,
        # a spanning header's unit, the next value's column, and whether a line of bars came last.
        self.vcols: list[str] | None = None
        self.vgroup = ""
        self.vat = -1
        self.vbreak = False
        self.pending: str | None = None        # a page field whose value is on the next line
        self.metadata: dict[str, str] = {}     # page furniture found so far: field -> text
        self.last_change: tuple[int, str] | None = None  # end and direction of the line's last change

    def section(self) -> str:
        return self._section

    _section = ""

    def feed(self, offset: int, line: str) -> list[Mention]:
        found: list[Mention] = []
        norm = line.translate(NORMALISE) if NEEDS_NORMALISING.search(line) else line
        claimed: list[tuple[int, int]] = ([m.span() for m in MARKUP.finditer(norm)]
                                          if "<" in norm or "&" in norm else [])
        outline = OUTLINE.match(norm) if norm.strip() else None
        if outline:
            self._enter(outline)
            found.append(self._outline_mention(offset, line, outline))
            claimed.append((outline.start(0) + (outline.group(0).find(outline.group(0).strip())),
                            outline.end()))
        section = self._section
        stops: list[int] = []

        def add(start, end, value, high, unit, qualifier, kind, pair="", role="", reading="",
                direction=""):
            if not stops:  # the line's sentence ends, found once and only for lines with numbers
                stops.extend(m.end() for m in _SENTENCE_STOP.finditer(line))
                stops.append(len(line) + 1)
            claimed.append((start, end))
            found.append(Mention(self.report_id, offset + start, offset + end, line[start:end],
                                 value, high, unit, qualifier, kind, _sentence(line, start, end, stops),
                                 section, pair, role, reading, direction))

        def free(start, end):
            return all(end <= a or start >= b for a, b in claimed)

        if (self.pending or "：" in norm or ":" in norm or "今天是" in norm
                or ("号 " in norm or "日期 " in norm) and SPACED_LABEL.search(norm)) and \
                self._page_furniture(norm, line, add, free):
            found.sort(key=lambda x: x.start)
            return found
        for m in (FOOTER.finditer(norm) if "备" in norm or "页" in norm else ()):
            role = "page" if "页" in m.group(0) else "registration"
            self.metadata.setdefault(role, line[m.start():m.end()])
            add(m.start(), m.end(), None, None, "", "exact", "page_metadata", role=role)
        if self.vcols is not None and "|" not in norm and "｜" not in norm:
            self.vcols = None  # the end of a table flattened one cell to a line
        row = self._table_row(norm) if "|" in norm or "｜" in norm or "\t" in norm or self.columns else None
        self.last_change = None

        for m in (DIGIT_NAME.finditer(norm) if "+" in norm or "×" in norm or "*" in norm else ()):
            if free(*m.span()):
                add(m.start(), m.end(), None, None, "", "exact", "name")
        for m in (DOCNUM.finditer(norm) if "号" in norm else ()):
            if not free(*m.span()):
                continue
            if m.group("fused"):
                digits = m.group("fused")
                reading = f"〔{digits[:4]}〕{digits[4:]}号" if digits[:2] in ("19", "20") else ""
                add(m.start(), m.end(), _value(digits[4:] or digits), None, "号", "exact",
                    "document_number", reading=reading)
            else:
                add(m.start(), m.end(), _value(m.group("n") or m.group("s")), None, "号", "exact",
                    "document_number")
        for m in (STAMP.finditer(norm) if HAS_STAMP.search(norm) else ()):
            if free(*m.span()):
                timed = ":" in m.group(0)
                add(m.start(), m.end(), None, None, "", "exact", "page_metadata" if timed else "date",
                    role="published" if timed else "")
        for m in (CN_STAMP.finditer(norm) if ":" in norm else ()):
            if free(*m.span()):
                self.metadata.setdefault("published", line[m.start():m.end()])
                add(m.start(), m.end(), None, None, "", "exact", "page_metadata", role="published")
        for m in (DATE.finditer(norm) if HAS_DATE.search(norm) else ()):
            if not free(*m.span()):
                continue
            month = m.group("m6")
            if month is not None and not (1 <= int(month) <= 12 and 1 <= int(m.group("m7") or 1) <= 12):
                continue
            reading = _date_reading(m.group("fused"), m.group("d4")) if m.group("fused") else ""
            if m.group("fused") and not reading:
                continue  # not a damaged date after all (e.g. 300日)
            add(m.start(), m.end(), None, None, "", "exact", "date", reading=reading)
        if HAS_YEAR.search(norm) or "-" in norm or "—" in norm or "~" in norm or "至" in norm:
            self._years(norm, add, free)
        for m in (PAIR.finditer(norm) if "由" in norm or "从" in norm else ()):
            if not (free(m.start("a"), m.end("ua") if m.group("ua") else m.end("a"))
                    and free(m.start("b"), m.end("ub"))):
                continue
            self.pairs += 1
            pair = f"p{self.pairs}"
            unit_a = m.group("ua") or m.group("ub")
            end_a = m.end("ua") if m.group("ua") else m.end("a")
            add(m.start("a"), end_a, _value(m.group("a")), None, unit_a, "exact", "figure", pair, "before")
            add(m.start("b"), m.end("ub"), _value(m.group("b")), None, m.group("ub"), "exact", "figure",
                pair, "after")

        for m in TOKEN.finditer(norm):
            if not free(*m.span()):
                continue
            if m.group("ar"):
                self._arabic(norm, line, m, add, free, row)
            else:
                self._chinese(norm, line, m, add)
        found.sort(key=lambda x: x.start)
        return found

    # ------------------------------------------------------------ structure

    def _enter(self, outline: re.Match) -> None:
        for level in (1, 2, 3, 4):
            if outline.group(f"l{level}"):
                marker = outline.group(0).strip()
                marker = marker.replace("（", "(").replace("）", ")")
                if level == 4 and not marker.startswith("("):
                    marker = marker.lstrip("(")
                self.levels = {k: v for k, v in self.levels.items() if k < level}
                self.levels[level] = marker
                self._section = "".join(self.levels[k] for k in sorted(self.levels))
                return

    def _outline_mention(self, offset: int, line: str, outline: re.Match) -> Mention:
        text = outline.group(0).strip()
        start = outline.start(0) + outline.group(0).find(text)
        number_text = next(outline.group(f"l{k}") for k in (1, 2, 3, 4) if outline.group(f"l{k}"))
        value = float(chinese_to_int(number_text)) if number_text[0] in CN_DIGIT else _value(number_text)
        return Mention(self.report_id, offset + start, offset + start + len(text), line[start:start + len(text)],
                       value, None, "", "exact", "outline_marker", _sentence(line, start, start + len(text)),
                       self.section())

    def _page_furniture(self, norm: str, line: str, add, free) -> bool:
        """A line of page furniture (发布时间：…, 浏览次数：…, 索引号：…): its numbers are page
        metadata, its fields recorded. A label alone on its line takes its value from the next."""
        stripped = norm.strip()
        if not stripped:
            return False
        field = self.pending
        self.pending = None
        short = len(stripped) <= 150 and "。" not in norm
        labels = (list(META_LABEL.finditer(norm))
                  if short and (":" in norm or "：" in norm) or "今天是" in norm else [])
        if short and not labels:
            labels = list(SPACED_LABEL.finditer(norm))
        if not labels and not (field and len(stripped) <= 60 and "。" not in norm
                               and not stripped.endswith((":", "："))):
            return False
        if labels and labels[-1].end() >= len(norm.rstrip()):  # the last label waits for its value
            self.pending = META_FIELDS.get(re.sub(r"\s", "", labels[-1].group(1)), "other")
        for m in META_VALUE.finditer(norm):
            if not free(*m.span()):
                continue
            before = [label for label in labels if label.end() <= m.start()]
            name = META_FIELDS.get(re.sub(r"\s", "", before[-1].group(1)), "views") if before else field
            if name is None:
                name = "published" if m.group("stamp") else "other"
            if name == "source":
                name = "published" if m.group("stamp") else "source"
            self.metadata.setdefault(name, line[m.start():m.end()].strip())
            add(m.start(), m.end(), None, None, "", "exact", "page_metadata", role=name)
        for label in labels:  # fields written in words: 来源：司法局
            name = META_FIELDS.get(re.sub(r"\s", "", label.group(1)))
            if name == "source":
                rest = norm[label.end():]
                nxt = META_LABEL.search(rest)
                value = line[label.end():label.end() + (nxt.start() if nxt else len(rest))].strip()
                if value:
                    self.metadata.setdefault("source", value)
        if field and not labels and field not in self.metadata:
            self.metadata[field] = line.strip()
        return True

    def _table_row(self, norm: str) -> _Row | None:
        """A line of a table flattened to text (cells between | or tabs), or None. A row of
        headings sets the units of the columns below it; a non-table line ends the table."""
        bars = norm.count("|") + norm.count("｜")
        stripped = norm.strip()
        if bars and not stripped.strip("|｜ "):  # a line of bars between a flattened table's blocks
            self.columns, self.vbreak = None, True
            return None
        if bars == 1 and stripped.endswith(("|", "｜")):
            return self._cell_line(norm, len(norm.rstrip()) - 1)
        sep = "|" if bars >= 2 else "\t" if norm.count("\t") >= 2 else None
        if sep is None:
            self.columns = None
            return None
        cells, start = [], 0
        for part in norm.rstrip("\r\n").replace("｜", "|").split(sep):
            cells.append((start, start + len(part)))
            start += len(part) + 1
        texts = [norm[a:b] for a, b in cells]
        numeric = [t for t in texts if any(c.isdigit() for c in TABLE_UNIT.sub("", t))]
        if numeric and all(YEAR_CELL.fullmatch(t) for t in numeric):
            return _Row(cells, [""] * len(cells), True)
        if not numeric:  # a header row: the units of the columns
            self.columns = [_table_unit(t) for t in texts]
            return _Row(cells, self.columns, False)
        label = _table_unit(texts[0]) if texts[0] not in numeric else ""
        written = re.findall(rf"[0-9]\s*(%|{UNIT_RE})", norm)  # a bare 0 among 75件 | 16件 is 0件
        common = max(set(written), key=written.count) if written else ""
        columns = self.columns if self.columns and len(self.columns) == len(cells) else [""] * len(cells)
        return _Row(cells, [label or column or common for column in columns], False)

    def _cell_line(self, norm: str, bar: int) -> _Row | None:
        """One cell of a table flattened to a line each: a header adds its column's unit
        (a header above a line of bars spans the columns below it); a value takes the unit
        of its column, counted from the last line of bars."""
        content = norm[:bar].strip()
        if not any(c.isdigit() for c in TABLE_UNIT.sub("", content)):
            if self.vcols is None or self.vat >= 0:
                self.vcols, self.vgroup = [], ""
            elif self.vbreak and self.vcols:
                self.vgroup = next((u for u in reversed(self.vcols) if u), self.vgroup)
                self.vcols = []
            self.vcols.append(_table_unit(content))
            self.vat, self.vbreak = -1, False
            return None
        if not self.vcols:
            return None
        self.vat = 0 if self.vbreak or self.vat < 0 else self.vat + 1
        self.vbreak = False
        unit = (self.vcols[self.vat] if self.vat < len(self.vcols) else "") or self.vgroup
        return _Row([(0, bar)], [unit], False) if unit else None

    def _years(self, norm: str, add, free) -> None:
        for m in (YEAR_RANGE.finditer(norm) if "-" in norm or "—" in norm or "~" in norm
                  or "至" in norm or "–" in norm or "到" in norm else ()):
            a, b = int(m.group("a")), int(m.group("b"))
            if a < b <= a + 50 and free(*m.span()):
                add(m.start(), m.end(), float(a), float(b), "年", "range", "year")
        if not HAS_YEAR.search(norm):
            return
        for m in FUSED_YEARS.finditer(norm):
            a, b = int(m.group("a")), int(m.group("b"))
            if a < b <= a + 50 and free(*m.span()):
                add(m.start(), m.end(), float(a), float(b), "年", "range", "year",
                    reading=f"{a}—{b}年")
        for m in YEAR.finditer(norm):
            if free(*m.span()):
                add(m.start(), m.end(), _value(m.group("y")), None, "年", "exact", "year")

    # ---------------------------------------------------------------- numbers

    def _arabic(self, norm: str, line: str, m: re.Match, add, free, row: _Row | None) -> None:
        start, end = m.span()
        token = m.group("ar")
        parts = RANGE_SEP.split(token)
        low_text, high_text = parts[0], (parts[1] if len(parts) > 1 else None)
        pre = norm[max(0, start - 14):start]
        post = norm[end:end + 16]
        sign = ""
        if high_text is None and start and norm[start - 1] in "+-" and (
                start == 1 or not (norm[start - 2].isalnum() and norm[start - 2].isascii())
                and norm[start - 2] not in ".)）]】"):
            sign = norm[start - 1]
            if not free(start - 1, end):
                sign = ""
        if pre.endswith("第") and not sign:
            unit = RANK_UNIT.match(post)
            if unit:
                add(start - 1, end + unit.end(), _value(low_text), None, unit.group(1), "exact", "rank")
            elif RANK_BEFORE.search(pre):  # 排名全市第3
                add(start - 1, end, _value(low_text), None, "", "exact", "rank")
            else:
                add(start - 1, end + len(ORDINAL_UNIT.match(post).group(0)), _value(low_text), None,
                    "", "exact", "name")
            return
        if ELIDED.match(post):  # a number cut by an elision (略): what it counted is lost
            add(start, end, _value(low_text), None, "", "exact", "fragment",
                reading="cut off by an elision (略)")
            return
        counted = TAIL.match(post)
        if low_text in HOTLINES and not (counted.group("unit") or counted.group("mult")) and "%" not in post[:2]:
            add(start, end, _value(low_text), None, "", "exact", "name")
            return
        if VERSION_AFTER.match(post) and "." in low_text:
            add(start, end, _value(low_text), None, "", "exact", "name")
            return
        if HOURS_NAME.match(post):
            add(start, end + post.index("时") + 1, _value(low_text), None, "小时", "exact", "name")
            return
        recent = RECENT_PERIOD.match(post) if pre.endswith("近") else None
        if PERIOD.match(post) or recent:
            length = recent.end() if recent else post.index("年") + 1
            add(start, end + length, _value(low_text), None, "年" if "年" in post[:length] else "月",
                "exact", "name", reading="a period of time, not a count")  # 近3年, 5年来, 近3个月
            return
        if pre.endswith("前") and RANK_TOP.search(pre):  # 位列全市前3: a rank, 3rd or better
            unit = RANK_UNIT.match(post)
            add(start - 1, end + (unit.end() if unit else 0), _value(low_text), None,
                unit.group(1) if unit else "", "at_most", "rank")
            return
        if pre.endswith("届") and post.lstrip().startswith("次"):  # 六届3次全会: a session's number
            add(start, end + post.index("次") + 1, _value(low_text), None, "", "exact", "name")
            return
        category = CATEGORY.match(post)
        if category or pre.endswith("每"):
            unit = UNIT_AFTER.match(post)
            length = category.end() if category else (unit.end() if unit else 0)
            add(start, end + length, _value(low_text), None,
                unit.group(1) if unit else "", "exact", "name")
            return

        low = _value(low_text)
        high = _value(high_text) if high_text is not None else None
        mention_start = start - len(sign)
        percent = PERCENT.match(post)
        points = POINTS.match(post) if not percent else None
        verb = CHANGE_VERB.search(pre) if not sign else None
        if verb and verb.group("obj") and not percent:
            verb = None  # 减少申请材料525份 counts what was cut; only a rate may follow an object
        listed = (self.last_change if not sign and not verb and self.last_change
                  and (percent or points) and LIST_NEXT.match(norm, self.last_change[0], start) else None)
        tail = TAIL.match(post)
        unit = tail.group("unit") or ""
        if sign or listed or (verb and (percent or points or (verb.group("cmp") and unit))):
            if percent or points:
                measured = percent or points
                unit_out = "%" if percent else points.group(1)
                after = measured.group("q")
                length = measured.end()
            else:
                cell_unit = row.units[row.cell(start)] if row is not None and row.cell(start) >= 0 else ""
                unit_out = unit or ("个百分点" if cell_unit == "%" else cell_unit)
                after = tail.group("q3") if unit else None
                length = tail.end() if unit else 0
            if sign:
                direction = "increase" if sign == "+" else "decrease"
            elif listed:
                direction = listed[1]
            else:
                direction = "increase" if verb.group("verb").startswith(INCREASE) else "decrease"
            add(mention_start, end + length, low, high, unit_out,
                self._qualifier(pre, after, None, high), "change", direction=direction)
            self.last_change = (end + length, direction)
            return
        tenths = TENTHS.match(post) if not percent and high is None and low <= 10 else None
        if tenths:
            add(start, end + tenths.end(), low, None, "成",
                self._qualifier(pre, tenths.group("q"), None, None), "figure")
            return
        if percent:
            qualifier = self._qualifier(pre, percent.group("q"), None, high)
            add(start, end + percent.end(), low, high, "%", qualifier, "percentage")
            return

        length = tail.end()
        mult = tail.group("mult")
        if not unit and not mult:
            self._bare(norm, line, start, end, low_text, low, high, pre, row, add)
            return
        q = tail.group("q1") or tail.group("q2") or tail.group("q3") or ("余" if tail.group("garble") else None)
        qualifier = self._qualifier(pre, q, tail.group("q3"), high)
        value = _value(low_text, mult)
        high_value = _value(high_text, mult) if high_text is not None else None
        if unit == "/月":
            unit = "元/月"  # a money amount per month whose 元 was lost
        kind = "money" if unit.startswith("元") else "figure"
        if unit == "日" and high is None and low <= 31:
            kind = "date"
        add(start, end + length, value, high_value, unit, qualifier, kind)

    def _bare(self, norm, line, start, end, low_text, low, high, pre, row, add) -> None:
        """A number with no unit after it: a table cell, a year, or a name."""
        if row is not None and row.cell(start) >= 0:
            if row.years and YEAR_CELL.fullmatch(low_text):
                add(start, end, low, None, "年", "exact", "year")
                return
            unit = row.units[row.cell(start)]
            kind = "percentage" if unit == "%" else "money" if unit.endswith("元") else "figure"
            add(start, end, low, high, unit, self._qualifier(pre, None, None, high), kind)
            return
        if high is None and len(low_text) == 4 and 1949 <= low <= 2099:
            add(start, end, low, None, "年", "exact", "year")
        elif COUNTED.search(pre) and not _inside_quotes(line[:start]):
            add(start, end, low, high, "", self._qualifier(pre, None, None, high), "figure")
        else:
            add(start, end, low, high, "", "exact", "name",
                reading="" if _inside_quotes(line[:start]) else "a bare number: no unit says what it counts")

    @staticmethod
    def _qualifier(pre: str, word: str | None, after: str | None, high: float | None) -> str:
        """Range, a qualifying word in the mention (余, 以上, 左右), or one just before it
        (至少, 超过, 不足, 约, 近); the words' meanings are numbers.QUALIFIER_WORDS."""
        if high is not None:
            return "range"
        for said in (word, after):
            if said in QUALIFIER_WORDS:
                return QUALIFIER_WORDS[said]
        before = BEFORE_QUALIFIER.search(pre)
        return QUALIFIER_WORDS[before.group(1) or before.group(2)] if before else "exact"

    def _chinese(self, norm: str, line: str, m: re.Match, add) -> None:
        start, end = m.span()
        token = m.group("cn")
        post = norm[end:end + 8]
        pre = norm[max(0, start - 10):start]
        if post.startswith("是"):
            add(start, end + 1, float(chinese_to_int(token)), None, "", "exact", "outline_marker")
            return
        if post.startswith("年") and len(token) == 4 and ("〇" in token or "零" in token):
            add(start, end, float(token.translate(CN_YEAR_DIGITS)), None, "年", "exact", "year")  # 二〇三五年
            return
        if pre.endswith("第") and RANK_BEFORE.search(pre):  # 蝉联全省第一, 排名第二
            try:
                value = float(chinese_to_int(token))
            except ValueError:
                return
            unit = post[0] if post[:1] in ("名", "位") else ""
            add(start - 1, end + len(unit), value, None, unit, "exact", "rank")
            return
        if pre.endswith("百分之"):  # 百分之九十五, 百分之百
            try:
                value = float(chinese_to_int(token))
            except ValueError:
                return
            add(start - 3, end, value, None, "%", self._qualifier(pre[:-3], None, None, None), "percentage")
            return
        if pre.endswith(("数", "几", "若干")) or (pre.endswith("上") and token in ("百", "千")):
            return  # 数十家, 几百人, 上千件: an order of magnitude, not a count
        if pre.endswith("前") and RANK_TOP.search(pre):  # 位列全市前十, 进入全省前三名
            try:
                value = float(chinese_to_int(token))
            except ValueError:
                return
            unit = post[0] if post[:1] in ("名", "位") else ""
            add(start - 1, end + len(unit), value, None, unit, "at_most", "rank")
            return
        if post.startswith("次") and (pre.endswith("届") or SESSION.match(post)):
            add(start, end + 1, None, None, "", "exact", "name")  # 六届七次、八次全会: sessions
            return
        recent = RECENT_PERIOD.match(post) if pre.endswith("近") else None
        if recent:  # 近两年, 近两个年度, 近三个月: the recent past, not a count
            add(start, end + recent.end(), None, None, "", "exact", "name",
                reading="a period of time, not a count")
            return
        tenths = TENTHS.match(post) if token in "二两三四五六七八九" else None
        if tenths and len(token) == 1:  # 九成以上
            add(start, end + tenths.end(), float(chinese_to_int(token)), None, "成",
                self._qualifier(pre, tenths.group("q"), None, None), "figure")
            return
        scaled = CN_SCALED.match(post)  # 两万余人次, 三亿元, 二十余家
        if scaled and token != "一":
            try:
                value = float(chinese_to_int(token) * MULTIPLIERS.get(scaled.group("mult") or "", 1))
            except ValueError:
                return
            unit = scaled.group("unit")
            qualifier = self._qualifier(pre, scaled.group("q1") or scaled.group("q2"), None, None)
            add(start, end + scaled.end(), value, None, unit, qualifier,
                "money" if unit.startswith("元") else "figure")
            return
        if not post or post[0] not in CN_UNITS and not post.startswith(("大", "部委", "部门")):
            return
        if token == "一":
            return  # 一批, 一个平台, 一次告知: an article, not a count
        if post[0] == "年" and CN_YEAR_WORDS.match(post, 1):
            return  # 五年行动, 五年来: a period or a campaign's name
        if pre.endswith(("周", "星期", "礼拜")):
            return  # 每周三: a weekday
        try:
            value = float(chinese_to_int(token))
        except ValueError:
            return
        if value == 0:
            return
        unit = post[:2] if post.startswith(("部委", "部门")) else post[0]
        inside_quotes = _inside_quotes(line[:start])
        named = (pre.endswith("第") or post.startswith("大") or inside_quotes or post[1:2] == "式")
        add(start - (1 if pre.endswith("第") else 0), end + len(unit), value, None,
            "" if post.startswith("大") else unit, "exact" if named else self._qualifier(pre, None, None, None),
            "name" if named else "figure")


def extract(path: Path, report_id: str = "") -> Iterator[Mention]:
    """Every mention of a file, in order, streaming paragraph by paragraph.

    The file is checked (exists, not empty, not binary, its encoding) before the first
    mention is produced, so that an error comes before any output."""
    encoding = detect_encoding(Path(path))
    return _stream(Path(path), encoding, Extractor(report_id))


def _stream(path: Path, encoding: str, extractor: Extractor) -> Iterator[Mention]:
    for offset, line in paragraphs(path, encoding):
        yield from extractor.feed(offset, line)


def extract_text(text: str, report_id: str = "") -> list[Mention]:
    """Every mention of an in-memory text (tests, notebooks)."""
    extractor = Extractor(report_id)
    found, offset = [], 0
    for line in text.splitlines(keepends=True):
        found += extractor.feed(offset, line)
        offset += len(line)
    return found


def page_metadata(path: Path) -> dict[str, str]:
    """The web page's furniture around a report's text: published, updated, source,
    index_number, views, document_number … as written (fields the page does not show are absent)."""
    extractor = Extractor()
    for _ in _stream(Path(path), detect_encoding(Path(path)), extractor):
        pass
    return dict(extractor.metadata)


# ------------------------------------------------------------------ output


def row(mention: Mention) -> list:
    # getattr, not dataclasses.asdict: asdict deep-copies and halves the throughput
    return [getattr(mention, name) for name in FIELDS]


def write(mentions: Iterator[Mention], out: TextIO, fmt: str) -> int:
    """Stream mentions out as CSV or a JSON array; returns how many were written."""
    count = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(FIELDS)
        for mention in mentions:
            writer.writerow(row(mention))
            count += 1
    else:
        out.write("[\n")
        for mention in mentions:
            item = json.dumps(dict(zip(FIELDS, row(mention))), ensure_ascii=False)
            out.write(("" if count == 0 else ",\n") + item)
            count += 1
        out.write("\n]\n")
    return count
