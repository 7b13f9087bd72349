"""Text encodings of the files a curator hands in: what a file that is not UTF-8 most likely is.

Tables are UTF-8 (Excel's “CSV UTF-8” and LibreOffice add a byte-order mark, which is fine); on
Chinese Windows, Excel and WPS save plain “CSV” as GBK; texts copied from Taiwan or Hong Kong sites
may be Big5.
"""

from __future__ import annotations

SAVE_AS_UTF8 = ("save it as UTF-8: in Excel, Save As “CSV UTF-8 (Comma delimited)”; in LibreOffice, "
                "Save As “Text CSV”, tick “Edit filter settings” and choose “Unicode (UTF-8)”")


def guess_encoding(data: bytes) -> str:
    """What bytes that are not UTF-8 most likely are, in words."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "UTF-16, as Excel writes “Unicode Text”"
    if looks_like_big5(data):
        return "Big5, traditional Chinese"
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return "an encoding other than UTF-8, GBK or Big5"
    return "GBK/GB18030, as Excel and WPS save “CSV” on Chinese Windows"


def looks_like_big5(data: bytes) -> bool:
    """Big5 bytes also decode as GB18030, into rare characters. The tell: in Big5 about a third
    of the characters have a second byte below 0xA1, which GB2312 text (the common characters of
    GB18030) never has; and the bytes decode as Big5."""
    pairs = low = 0
    i, n = 0, len(data)
    while i < n - 1:
        byte = data[i]
        if byte < 0x80:
            i += 1
            continue
        pairs += 1
        low += data[i + 1] < 0xA1
        i += 2
    if pairs < 2 or low / pairs < 0.1:
        return False
    try:
        data.decode("big5", errors="strict")
    except UnicodeDecodeError as exc:
        return exc.start >= len(data) - 1  # only a last character cut off by a chunk's end
    return True
