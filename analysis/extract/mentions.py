"""Find every numeric mention in a rule-of-law report's plain text.

`python -m analysis extract PATH` reads a report (UTF-8, or GB18030 detected and
decoded), paragraph by paragraph so that memory stays flat, and gives each number:
its offsets and raw text, value, unit, qualifier, kind, sentence and section path.

Kinds: figure, percentage, money, change, rank (the figure-like kinds), and date, year,
document_number, outline_marker, name (the rest). Before→after pairs (由69项增加至616项)
are two figure mentions sharing a pair id. Characters lost in publication (911日 for
9月11日, 20209号 for 〔2020〕9号) are classified as what they were, with the reading.
"""

from __future__ import annotations

import bisect
import codecs
import csv
import json
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Iterator, TextIO

from ..language.numbers import MULTIPLIERS, QUALIFIER_WORDS, chinese_to_int, normalise

FIGURE_KINDS = ("figure", "percentage", "money", "change", "rank")
KINDS = FIGURE_KINDS + ("date", "year", "document_number", "outline_marker", "name")
CHUNK = 1 << 20

D = "0-9０-９"
NUM = rf"[{D}]+(?:[,，][{D}]{{3}})*(?:[.．][{D}]+)?"
CN_DIGIT = "零〇一二两三四五六七八九十百千"
CN_NUM = rf"[{CN_DIGIT}]+"
# Measure words after a number, longest first so that 人次 wins over 人.
UNITS = sorted(set("""个工作日 工作日 人次 场次 户次 件次 余人 平方米 平方公里 公里 千米 小时 分钟 个月 百分点
件 起 人 名 个 项 条 次 篇 册 处 种 户 元 家 所 类 批 场 期 届 份 本 部 台 辆 座 间 张 支 组 队 站
村 镇 乡 天 日 年 周 倍 位 级 轮 套 亩 吨 米 宗 单 笔 例 卷 盒 棵 株 头 只 声 封 页 字 万 亿""".split()),
               key=lambda u: (-len(u), u))
CN_UNITS = set("个次期名人项件起家批场篇条处种户倍位轮份年天类所站队组")
UNIT_RE = "|".join(re.escape(u) for u in UNITS if u not in ("万", "亿", "余人"))

TOKEN = re.compile(rf"(?P<ar>{NUM}(?:\s*[-–—~～至]\s*{NUM})?)|(?P<cn>{CN_NUM})")
MARKUP = re.compile(r"<[^<>\n]{0,300}>|&#?[A-Za-z0-9]{1,10};")
TAIL = re.compile(rf"\s*(?P<q1>[余多])?\s*(?P<mult>[万亿])?\s*(?P<q2>[余多])?\s*"
                  rf"(?P<unit>{UNIT_RE}|/月|/年)?(?P<garble>余人)?\s*(?P<q3>以上|以下|左右|余)?")
PERCENT = re.compile(r"\s*[%％](?P<q>以上|以下|左右)?")
CHANGE_BEFORE = re.compile(r"(同比|环比|比上年|较上年|比去年|较去年)?(增长|下降|上升|减少|提高|降低|增加|下滑|回落)了?\s*$")
CHANGE_AFTER = re.compile(r"\s*(个百分点|[%％]|倍)")
PAIR = re.compile(rf"(?:由|从)\s*(?P<a>{NUM})\s*(?P<ua>{UNIT_RE})?[^\d。；，,\n]{{0,8}}?(?:至|到|为)\s*"
                  rf"(?P<b>{NUM})\s*(?P<ub>{UNIT_RE})")
DOCNUM = re.compile(rf"[〔\[【(（]\s*(?P<y>[{D}]{{4}})\s*[〕\]】)）]\s*(?P<n>[{D}]{{1,6}})\s*号"
                    rf"|(?<=字)(?P<fused>[{D}]{{5,8}})号|第\s*(?P<s>[{D}]{{1,6}})\s*号")
DATE = re.compile(
    rf"(?P<y>[{D}]{{4}})\s*年\s*(?P<m>[{D}]{{1,2}})\s*月(?:\s*(?P<d>[{D}]{{1,2}})\s*日)?"
    rf"|(?<![{D}])(?P<m2>[{D}]{{1,2}})\s*月\s*(?P<d2>[{D}]{{1,2}})(?:\s*[-—至~]\s*(?P<d3>[{D}]{{1,2}}))?\s*日"
    rf"|(?<![{D}年月./个])(?P<fused>[{D}]{{3,8}})(?:\s*[-—至]\s*(?P<d4>[{D}]{{1,2}}))?日"
    rf"|(?<![{D}./个])(?P<m5>[{D}]{{1,2}})\s*月份")
HAS_DATE = re.compile(rf"[{D}]\s*[月日]")  # cheap test before the full date pattern
HAS_YEAR = re.compile(rf"[{D}]\s*年")
YEAR = re.compile(rf"(?<![{D}.])(?P<y>(?:19|20)[{D}]{{2}})(?=\s*年)")
HOTLINES = {"12345", "12348", "12315", "12333", "12309", "12388", "12319", "12369", "110", "119", "120", "122"}
SENTENCE_END = "。！？；!?;"
# Context patterns around a number, compiled once: the extractor runs them millions of times.
RANGE_SEP = re.compile(r"\s*[-–—~～至]\s*")
RANK_UNIT = re.compile(r"\s*(位|名)")
ORDINAL_UNIT = re.compile(r"\s*[^\s，,。；]?")
HOTLINE_AFTER = re.compile(r"\s*[”\"」]?\s*(政府|政务|热线|服务|平台|便民|举报|号码)")
VERSION_AFTER = re.compile(r"\s*(版|建设|版本)")
HOURS_NAME = re.compile(r"\s*小时\s*(自助|自动|服务|不打烊|营业|在线|值班|便民|“|\")")
CATEGORY = re.compile(r"\s*人所")
UNIT_AFTER = re.compile(rf"\s*({UNIT_RE})")
AT_LEAST_BEFORE = re.compile(r"(至少|不少于|不低于|超过)\S{0,3}$")
ABOUT_BEFORE = re.compile(r"(约|近)$")  # also 大约, 将近
OUTLINE = re.compile(rf"\s*(?:(?P<l1>[{CN_DIGIT}]+)、|[(（](?P<l2>[{CN_DIGIT}]+)[)）]"
                     rf"|(?P<l3>[{D}]+)[.．、](?![{D}])|[(（]?(?P<l4>[{D}]+)[)）])")


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
    role: str = ""
    reading: str = ""


FIELDS = [f.name for f in fields(Mention)]


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


def _num(text: str) -> float:
    return float(normalise(text).replace(",", "").replace("，", ""))


def _value(low: float, mult: str | None) -> float:
    return round(low * MULTIPLIERS.get(mult or "", 1), 6)


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


def _date_reading(fused: str, tail: str | None) -> str:
    """911 -> 9月11日; 202093 -> 2020年9月3日; 929 with tail 30 -> 9月29-30日."""
    digits = normalise(fused)
    year = ""
    if len(digits) >= 5 and digits[:2] in ("19", "20"):
        year, digits = digits[:4] + "年", digits[4:]
    readings = []
    for cut in range(1, len(digits)):
        month, day = int(digits[:cut]), int(digits[cut:])
        if 1 <= month <= 12 and 1 <= day <= 31 and not digits[cut:].startswith("0"):
            readings.append(f"{year}{month}月{day}{'-' + tail if tail else ''}日")
    return " or ".join(readings)


# --------------------------------------------------------------- extraction


class Extractor:
    """Stateful over one document: tracks the outline as paragraphs stream past."""

    def __init__(self, report_id: str = ""):
        self.report_id = report_id
        self.levels: dict[int, str] = {}
        self.pairs = 0

    def section(self) -> str:
        return "".join(self.levels[k] for k in sorted(self.levels))

    def feed(self, offset: int, line: str) -> list[Mention]:
        found: list[Mention] = []
        claimed: list[tuple[int, int]] = ([m.span() for m in MARKUP.finditer(line)]
                                          if "<" in line or "&" in line else [])
        first = len(line) - len(line.lstrip())
        outline = OUTLINE.match(line) if line.strip() else None
        if outline:
            self._enter(outline)
            found.append(self._outline_mention(offset, line, outline))
            claimed.append((outline.start(0) + (outline.group(0).find(outline.group(0).strip())),
                            outline.end()))
        section = self.section()
        stops = [m.end() for m in _SENTENCE_STOP.finditer(line)]

        def add(start, end, value, high, unit, qualifier, kind, pair="", role="", reading=""):
            claimed.append((start, end))
            found.append(Mention(self.report_id, offset + start, offset + end, line[start:end],
                                 value, high, unit, qualifier, kind, _sentence(line, start, end, stops),
                                 section, pair, role, reading))

        def free(start, end):
            return all(end <= a or start >= b for a, b in claimed)

        for m in (DOCNUM.finditer(line) if "号" in line else ()):
            if not free(*m.span()):
                continue
            if m.group("fused"):
                digits = normalise(m.group("fused"))
                reading = f"〔{digits[:4]}〕{digits[4:]}号" if digits[:2] in ("19", "20") else ""
                add(m.start(), m.end(), _num(digits[4:] or digits), None, "号", "exact",
                    "document_number", reading=reading)
            else:
                serial = m.group("n") or m.group("s")
                add(m.start(), m.end(), _num(serial), None, "号", "exact", "document_number")
        for m in (DATE.finditer(line) if HAS_DATE.search(line) else ()):
            if not free(*m.span()):
                continue
            reading = _date_reading(m.group("fused"), m.group("d4")) if m.group("fused") else ""
            if m.group("fused") and not reading:
                continue  # not a damaged date after all (e.g. 300日)
            add(m.start(), m.end(), None, None, "", "exact", "date", reading=reading)
        for m in (YEAR.finditer(line) if HAS_YEAR.search(line) else ()):
            if free(*m.span()):
                add(m.start(), m.end(), _num(m.group("y")), None, "年", "exact", "year")
        for m in (PAIR.finditer(line) if "由" in line or "从" in line else ()):
            if not (free(m.start("a"), m.end("ua") if m.group("ua") else m.end("a"))
                    and free(m.start("b"), m.end("ub"))):
                continue
            self.pairs += 1
            pair = f"p{self.pairs}"
            unit_a = m.group("ua") or m.group("ub")
            end_a = m.end("ua") if m.group("ua") else m.end("a")
            add(m.start("a"), end_a, _num(m.group("a")), None, unit_a, "exact", "figure", pair, "before")
            add(m.start("b"), m.end("ub"), _num(m.group("b")), None, m.group("ub"), "exact", "figure",
                pair, "after")

        for m in TOKEN.finditer(line):
            if not free(*m.span()):
                continue
            if m.group("ar"):
                self._arabic(line, m, add, first)
            else:
                self._chinese(line, m, add)
        found.sort(key=lambda x: x.start)
        return found

    def _enter(self, outline: re.Match) -> None:
        for level in (1, 2, 3, 4):
            if outline.group(f"l{level}"):
                marker = outline.group(0).strip()
                marker = marker.replace("（", "(").replace("）", ")").replace("．", ".")
                if level == 4 and not marker.startswith("("):
                    marker = marker.lstrip("(")
                self.levels = {k: v for k, v in self.levels.items() if k < level}
                self.levels[level] = marker
                return

    def _outline_mention(self, offset: int, line: str, outline: re.Match) -> Mention:
        text = outline.group(0).strip()
        start = outline.start(0) + outline.group(0).find(text)
        number = next(outline.group(f"l{k}") for k in (1, 2, 3, 4) if outline.group(f"l{k}"))
        value = float(chinese_to_int(number)) if number[0] in CN_DIGIT else _num(number)
        return Mention(self.report_id, offset + start, offset + start + len(text), text, value, None,
                       "", "exact", "outline_marker", _sentence(line, start, start + len(text)),
                       self.section())

    def _arabic(self, line: str, m: re.Match, add, first: int) -> None:
        start, end = m.span()
        token = m.group("ar")
        parts = RANGE_SEP.split(token)
        low = _num(parts[0])
        high = _num(parts[1]) if len(parts) > 1 else None
        pre = line[max(0, start - 6):start]
        post = line[end:end + 16]
        if pre.endswith("第"):
            unit = RANK_UNIT.match(post)
            if unit:
                add(start - 1, end + unit.end(), low, None, unit.group(1), "exact", "rank")
            else:
                add(start - 1, end + len(ORDINAL_UNIT.match(post).group(0)), low, None,
                    "", "exact", "name")
            return
        if normalise(token) in HOTLINES and HOTLINE_AFTER.match(post):
            add(start, end, low, None, "", "exact", "name")
            return
        if VERSION_AFTER.match(post) and "." in normalise(token):
            add(start, end, low, None, "", "exact", "name")
            return
        if HOURS_NAME.match(post):
            add(start, end + post.index("时") + 1, low, None, "小时", "exact", "name")
            return
        if CATEGORY.match(post) or pre.endswith("每"):
            unit = UNIT_AFTER.match(post)
            add(start, end + (unit.end() if unit else 0), low, None, unit.group(1) if unit else "",
                "exact", "name")
            return
        change = CHANGE_BEFORE.search(pre)
        change_unit = CHANGE_AFTER.match(post)
        if change and change_unit:
            add(start, end + change_unit.end(), low, None, change_unit.group(1).replace("％", "%"),
                "exact", "change")
            return
        percent = PERCENT.match(post)
        if percent:
            qualifier = self._qualifier(pre, percent.group("q"), None, high)
            add(start, end + percent.end(), low, high, "%", qualifier, "percentage")
            return
        tail = TAIL.match(post)
        unit = tail.group("unit") or ""
        length = tail.end()
        if not unit and not tail.group("mult"):
            length = 0  # a bare number: keep only the digits
        q = tail.group("q1") or tail.group("q2") or tail.group("q3") or ("余" if tail.group("garble") else None)
        if not unit and tail.group("q3") == "余":
            q = None
        qualifier = self._qualifier(pre, q, tail.group("q3"), high)
        value = _value(low, tail.group("mult"))
        high_value = _value(high, tail.group("mult")) if high is not None else None
        if unit == "/月":
            unit = "元/月"  # a money amount per month whose 元 was lost
        kind = "money" if unit.startswith("元") else "figure"
        if unit == "日" and high is None and low <= 31:
            kind = "date"
        add(start, end + length, value, high_value, unit, qualifier, kind)

    @staticmethod
    @staticmethod
    def _qualifier(pre: str, word: str | None, after: str | None, high: float | None) -> str:
        """Range, a qualifying word in the mention (余, 以上, 左右), or one just before it
        (至少, 超过, 约, 近); the words' meanings are numbers.QUALIFIER_WORDS."""
        if high is not None:
            return "range"
        for said in (word, after):
            if said in QUALIFIER_WORDS:
                return QUALIFIER_WORDS[said]
        before = AT_LEAST_BEFORE.search(pre) or ABOUT_BEFORE.search(pre)
        return QUALIFIER_WORDS[before.group(1)] if before else "exact"

    def _chinese(self, line: str, m: re.Match, add) -> None:
        start, end = m.span()
        token = m.group("cn")
        post = line[end:end + 4]
        pre = line[max(0, start - 2):start]
        if post.startswith("是"):
            add(start, end + 1, float(chinese_to_int(token)), None, "", "exact", "outline_marker")
            return
        if not post or post[0] not in CN_UNITS and not post.startswith("大"):
            return
        if token == "一" and (pre[-1:] in set("下上同统唯单逐万") or post[1:2] in ("度", "体", "般")):
            return  # 下一年度, 统一, 一体化: words, not numbers
        try:
            value = float(chinese_to_int(token))
        except ValueError:
            return
        if value == 0:
            return
        unit = post[0]
        before = line[:start]
        inside_quotes = before.count("“") > before.count("”") or before.count("《") > before.count("》")
        named = (pre.endswith("第") or post.startswith("大") or inside_quotes
                 or (token == "一" and len(pre) == 2 and pre[0] == "一")
                 or (token == "一" and post[1:2] == "一") or post[1:2] == "式")
        kind = "name" if named else "figure"
        add(start - (1 if pre.endswith("第") else 0), end + 1, value, None,
            "" if post.startswith("大") else unit, "exact", kind)


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


DRAFT_FIELDS = ["report_id", "figure_id", "section", "topic", "indicator_zh", "indicator_en", "value",
                "value_high", "unit", "noun_en", "noun_en_singular", "qualifier", "period", "mention",
                "quote", "note"]


def draft_rows(path: Path, report_id: str) -> list[dict]:
    """A draft figures table in the package's schema: quotes filled in, each unique in the
    text; topic, indicator names, count nouns and period left for a curator."""
    text = Path(path).read_text(encoding=detect_encoding(Path(path)))
    rows = []
    for n, m in enumerate((m for m in extract(path, report_id) if m.kind in FIGURE_KINDS), 1):
        quote = _unique_quote(text, m.start, m.end)
        note = f"draft: {m.kind}" + (f"; reading {m.reading}" if m.reading else "") + \
            (f"; {m.role} of pair {m.pair_id}" if m.pair_id else "")
        rows.append({"report_id": report_id, "figure_id": f"draft_{n:04d}", "section": m.section,
                     "topic": "", "indicator_zh": "", "indicator_en": "",
                     "value": f"{m.value:g}" if m.value is not None else "",
                     "value_high": f"{m.value_high:g}" if m.value_high is not None else "",
                     "unit": m.unit, "noun_en": "", "noun_en_singular": "",
                     "qualifier": m.qualifier, "period": "", "mention": m.text,
                     "quote": quote, "note": note})
    return rows


def _unique_quote(text: str, start: int, end: int) -> str:
    """The shortest clause, then sentence, then line around [start, end) that occurs once."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    for stops in ("，,、。；;：:！？", "。；;！？", ""):
        left, right = start, end
        while left > line_start and (not stops or text[left - 1] not in stops):
            left -= 1
        while right < line_end and (not stops or text[right] not in stops):
            right += 1
        quote = text[left:right].strip()
        if quote and text.count(quote) == 1 and text[start:end] in quote:
            return quote
    return text[line_start:line_end].strip()
