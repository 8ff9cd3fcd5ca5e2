"""Builders for bad, broken and hostile drafts (all built in memory, all fictional).

Used by test_hostile_input.py, test_batch_robustness.py, test_fuzz.py and test_privacy.py.
Everything here is cheap: the 1 GiB zip bomb is about 1 MB of repeated deflate blocks, built in
well under a second and never inflated.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from functools import cache

from fixtures import build

# A distinctive string planted in drafts: it must never appear in stderr, logs or error rows.
MARKER = "Zephyrine Quillfeather-Okonkwo"

DRAFT = f"""
# Learning review: {MARKER}
## Background
{MARKER} is 15 and lives with her mother. She was arrested after a serious assault in March 2025.
## Voice of the child
{MARKER} told her case manager that she felt nobody listened to her at school.
## Management oversight
Supervision was monthly and the team manager countersigned the assessment.
## Action plan
| Action | Owner | Target date |
|---|---|---|
| Review the exploitation screening tool | YOT team manager | 30 June 2025 |
| Share missing episode information within 24 hours | Police | 31 July 2025 |
## Sign-off
Quality assured and signed off by the Head of Service, who had no previous involvement.
"""

WELSH = """
# Adolygiad dysgu: Plentyn T
## Cefndir
Mae T yn 15 oed ac yn byw gyda'i fam yng Nghaerfyrddin. Cafodd ei arestio ym mis Mawrth 2025
ar ôl ymosodiad difrifol yng nghanol y dref.
## Llais y plentyn
Dywedodd T wrth ei weithiwr achos nad oedd neb yn gwrando arno yn yr ysgol, a'i fod eisiau
dychwelyd i'r coleg i ddysgu bod yn fecanig.
## Goruchwyliaeth reoli
Roedd goruchwyliaeth yn fisol ac fe wnaeth rheolwr y tîm gymeradwyo'r asesiad risg.
## Cynllun gweithredu
| Cam gweithredu | Perchennog | Dyddiad targed |
|---|---|---|
| Adolygu'r offeryn sgrinio camfanteisio | Rheolwr tîm YOT | 30 Mehefin 2025 |
| Rhannu gwybodaeth am gyfnodau ar goll o fewn 24 awr | Heddlu | 31 Gorffennaf 2025 |
"""


def tables_only(rows: int = 60) -> str:
    """A draft that is almost all tables: a chronology and an action plan, one line of prose."""
    lines = ["# Learning review: chronology", "Summary of events in table form.", ""]
    lines += ["| Date | Event | Agency | Comment |", "|---|---|---|---|"]
    for i in range(rows):
        lines.append(
            f"| {1 + i % 28} March 2025 | Home visit number {i} by the case manager | YOT | "
            f"The child said he felt safer at home {i} |"
        )
    lines += ["", "| Action | Owner | Target date |", "|---|---|---|"]
    lines += [f"| Action {i} reviewed by the board | Police | 1 June 2025 |" for i in range(10)]
    return "\n".join(lines)


def draft(fmt: str, spec: str = DRAFT) -> bytes:
    return build(spec, fmt)


@cache
def good_docx() -> bytes:
    return build(DRAFT, "docx")


@cache
def good_pdf() -> bytes:
    return build(DRAFT, "pdf")


def truncated(data: bytes, keep: float = 0.6) -> bytes:
    return data[: int(len(data) * keep)]


# -- encrypted / legacy Office files -------------------------------------------------------
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE, _END, _FAT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def _dir_entry(name: str, kind: int, start: int, size: int, child: int = _FREE) -> bytes:
    raw = (name + "\0").encode("utf-16-le")
    return (
        raw.ljust(64, b"\0")
        + struct.pack("<HBB", len(raw), kind, 1)  # name length, type, colour (black)
        + struct.pack("<III", _FREE, _FREE, child)  # left, right, child
        + b"\0" * 16  # CLSID
        + struct.pack("<I", 0)  # state bits
        + b"\0" * 16  # created, modified
        + struct.pack("<IQ", start, size)
    )


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A small but well-formed OLE compound file (v3, 512-byte sectors) holding ``streams``
    (each padded to 4096 bytes so no mini stream is needed). Encrypted Word/Excel files are
    this container with "EncryptionInfo" and "EncryptedPackage" streams; a legacy .doc holds
    "WordDocument"."""
    names = list(streams)
    data_sectors: list[bytes] = []
    entries = []
    next_sector = 2  # 0: FAT, 1: directory
    chains: list[tuple[int, int]] = []
    for name in names:
        body = streams[name].ljust(4096, b"\0")
        n = (len(body) + 511) // 512
        body = body.ljust(n * 512, b"\0")
        data_sectors.append(body)
        chains.append((next_sector, n))
        entries.append((name, next_sector, len(streams[name].ljust(4096, b"\0"))))
        next_sector += n
    # directory: root (child = first stream), streams chained through their right sibling
    directory = _dir_entry("Root Entry", 5, _END, 0, child=1 if names else _FREE)
    for i, (name, start, size) in enumerate(entries):
        entry = bytearray(_dir_entry(name, 2, start, size))
        if i + 1 < len(entries):
            struct.pack_into("<I", entry, 72, i + 2)  # right sibling
        directory += bytes(entry)
    directory = directory.ljust(512, b"\0")
    fat = [_FAT, _END]
    for start, n in chains:
        fat += [start + k + 1 for k in range(n - 1)] + [_END]
    fat_bytes = struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xff")
    header = (
        OLE_MAGIC
        + b"\0" * 16
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)  # minor, major, byte order, shifts
        + b"\0" * 6
        + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, _END, 0, _END, 0)
        + struct.pack("<I", 0)  # the one FAT sector
        + struct.pack("<108I", *([_FREE] * 108))
    )
    assert len(header) == 512
    return header + fat_bytes + directory + b"".join(data_sectors)


def encrypted_office() -> bytes:
    """What Word saves when a document has a password: an OLE container, not a zip."""
    info = struct.pack("<HHI", 4, 4, 0x40) + b"<encryption xmlns='urn:fictional'/>"
    return ole_file({"EncryptionInfo": info, "EncryptedPackage": b"\x8f" * 5000})


def legacy_doc() -> bytes:
    return ole_file({"WordDocument": b"\xec\xa5" + b"\0" * 1000, "1Table": b"\0" * 200})


def real_encrypted_docx() -> bytes | None:
    """A .docx really encrypted with msoffcrypto-tool, or None when it is not installed."""
    try:
        from msoffcrypto.format.ooxml import OOXMLFile
    except ImportError:
        return None
    out = io.BytesIO()
    OOXMLFile(io.BytesIO(good_docx())).encrypt("Pa55word!", out)
    return out.getvalue()


# -- PDFs ----------------------------------------------------------------------------------
def encrypted_pdf(user_password: str = "secret", algorithm: str = "AES-128") -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(good_pdf())))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def scanned_pdf(pages: int = 2) -> bytes:
    """Pages that are only a picture of text (and some shapes): no text layer at all."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (600, 300), 255)
    pen = ImageDraw.Draw(img)
    for y in range(20, 280, 18):  # lines of "handwriting" made of strokes
        pen.line((20, y, 560, y + 3), fill=0, width=2)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for _ in range(pages):
        c.drawImage(ImageReader(img), 50, 400, width=500, height=250)
        c.rect(50, 100, 300, 200, fill=1)
        c.circle(400, 200, 60)
        c.showPage()
    c.save()
    return buf.getvalue()


def many_page_pdf(pages: int) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    for i in range(pages):
        c.drawString(72, 720, f"Page {i + 1} of the learning review.")
        c.showPage()
    c.save()
    return buf.getvalue()


@cache
def pdf_bomb(mib: int = 1024) -> bytes:
    """A one-page PDF of about 1 MB whose content stream inflates to ``mib`` MiB of zeros."""
    zeros = b"\0" * (1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(zeros) + comp.flush(zlib.Z_FULL_FLUSH)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    adler = 1
    for _ in range(mib):
        adler = zlib.adler32(zeros, adler)
    stream = b"\x78\xda" + block * mib + final + struct.pack(">I", adler)  # zlib framing
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))  # fmt: skip
    return out.getvalue()


# -- zip bombs and XML entity attacks ------------------------------------------------------
def raw_zip(entries: list[tuple[str, int, bytes, int, int]]) -> bytes:
    """A zip written by hand: (name, method, payload as stored, crc32, size when inflated).
    Lets a test declare any size and store already-deflated data without inflating it."""
    out = io.BytesIO()
    central = io.BytesIO()
    for name, method, payload, crc, size in entries:
        offset = out.tell()
        raw_name = name.encode()
        sizes = (crc, len(payload), size, len(raw_name))
        # local header: signature, version, flags, method, time, date, crc, sizes, name, extra
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, method, 0, 0x21, *sizes, 0))
        out.write(raw_name + payload)
        # central record: as above plus comment, disk, attributes and the local header's offset
        tail = (0, 0, 0, 0, 0, offset)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, method, 0, 0x21,
                                  *sizes, *tail))  # fmt: skip
        central.write(raw_name)
    cd = central.getvalue()
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(cd),
                      out.tell(), 0)  # fmt: skip
    return out.getvalue() + cd + end


def _docx_parts() -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(good_docx())) as zf:
        return [(i.filename, zf.read(i)) for i in zf.infolist()]


def _stored(name: str, data: bytes) -> tuple[str, int, bytes, int, int]:
    return (name, zipfile.ZIP_STORED, data, zlib.crc32(data), len(data))


@cache
def zip_bomb_docx(mib: int = 1024, part: str = "word/document.xml") -> bytes:
    """A .docx whose ``part`` really inflates to ``mib`` MiB of zeros (honest headers):
    1 MiB of zeros deflated once with a full flush, and that block repeated."""
    zeros = b"\0" * (1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(zeros) + comp.flush(zlib.Z_FULL_FLUSH)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()  # an empty final block
    payload = block * mib + final
    crc = 0
    for _ in range(mib):
        crc = zlib.crc32(zeros, crc)
    entries = [_stored(name, data) for name, data in _docx_parts() if name != part]
    entries.append((part, zipfile.ZIP_DEFLATED, payload, crc, mib << 20))
    return raw_zip(entries)


def lying_zip_docx() -> bytes:
    """A .docx whose document.xml *declares* 20 kB but holds a deflate stream of 1 GiB of
    zeros: the declared size is believed, so reading stops (and fails) at 20 kB."""
    data = zip_bomb_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo("word/document.xml")
        start = info.header_offset + 30 + len(info.filename.encode())
        payload = data[start : start + info.compress_size]
    entries = [_stored(name, d) for name, d in _docx_parts() if name != "word/document.xml"]
    entries.append(("word/document.xml", zipfile.ZIP_DEFLATED, payload, 0, 20_000))
    return raw_zip(entries)


_BODY = (
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)


def billion_laughs(padding: int = 0, encoding: str = "utf-8") -> bytes:
    """The classic entity-expansion bomb (10^9 "lol"s), optionally pushed past the first
    ``padding`` bytes by a comment, or written in UTF-16."""
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol;" if i == 1 else f"&lol{i - 1};") * 10}">' for i in range(1, 10)
    )
    decl = f'<?xml version="1.0" encoding="{encoding.upper()}"?>\n'
    comment = f"<!--{'x' * padding}-->" if padding else ""
    return (decl + comment + f"<!DOCTYPE w:document [{ents}]>" + _BODY).encode(encoding)


def docx_with_part(name: str, content: bytes) -> bytes:
    """The good draft with one part replaced (or added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        done = False
        for part, data in _docx_parts():
            if part == name:
                data, done = content, True
            zf.writestr(part, data)
        if not done:
            zf.writestr(name, content)
    return out.getvalue()


# -- a zip of drafts for batch -------------------------------------------------------------
def zip_of(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def encrypted_member_zip(good: dict[str, bytes], secret_name: str) -> bytes:
    """A zip whose member ``secret_name`` is flagged as encrypted (traditional PKWARE), next to
    ordinary members: zipfile refuses that member without a password."""
    entries = [_stored(name, data) for name, data in good.items()]
    payload = b"\x00" * 12 + b"ciphertext"
    entries.append((secret_name, zipfile.ZIP_STORED, payload, 0, len(payload) - 12))
    data = bytearray(raw_zip(entries))
    # set the "encrypted" flag bit on the last member, in its local and central headers
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo(secret_name)
    struct.pack_into("<H", data, info.header_offset + 6, 1)
    central = data.rfind(b"PK\x01\x02")
    struct.pack_into("<H", data, central + 8, 1)
    return bytes(data)


# -- PDFs with hostile streams (issue 15) --------------------------------------------------
def pdf_with_streams(
    streams: list[tuple[bytes, bytes]], *, eol: bytes = b"\n", text: bool = True
) -> bytes:
    """A one-page PDF whose /Contents is the given streams: (extra dictionary entries, the
    stream as stored). With ``text`` a last, ordinary content stream draws one line of text,
    so that a reader that survives the other streams has something to read. ``eol`` is what
    follows the ``stream`` keyword (the PDF spec allows CRLF or LF; readers accept more)."""
    streams = list(streams)
    if text:
        body = b"BT /F1 12 Tf 72 720 Td (Learning review of the incident.) Tj ET"
        streams.append((b"", body))
    first = 5
    refs = b" ".join(b"%d 0 R" % (first + i) for i in range(len(streams)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [%s] "
        b"/Resources << /Font << /F1 4 0 R >> >> >>" % refs,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for extra, payload in streams:
        objects.append(
            b"<< /Length %d %s>>\nstream%s" % (len(payload), extra, eol) + payload + b"\nendstream"
        )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))  # fmt: skip
    return out.getvalue()


@cache
def zeros_zlib(mib: int) -> bytes:
    """``mib`` MiB of zeros as a zlib stream, built from one deflated MiB repeated."""
    zeros = b"\0" * (1 << 20)
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(zeros) + comp.flush(zlib.Z_FULL_FLUSH)
    final = zlib.compressobj(9, zlib.DEFLATED, -15).flush()
    adler = 1
    for _ in range(mib):
        adler = zlib.adler32(zeros, adler)
    return b"\x78\xda" + block * mib + final + struct.pack(">I", adler)


def pdf_double_flate_bomb(mib: int = 4096) -> bytes:
    """A content stream of ``mib`` MiB of zeros deflated twice (/Filter [/FlateDecode
    /FlateDecode]): a few kB on disk."""
    payload = zlib.compress(zeros_zlib(mib), 9)
    return pdf_with_streams([(b"/Filter [/FlateDecode /FlateDecode] ", payload)])


def pdf_image_subtype_bomb() -> bytes:
    """A 1 GiB content stream whose dictionary claims to be an image."""
    return pdf_with_streams([(b"/Subtype /Image /Filter /FlateDecode ", zeros_zlib(1024))])


def pdf_eol_bomb(eol: bytes) -> bytes:
    """A 1 GiB content stream after ``stream`` and an unusual end of line."""
    return pdf_with_streams([(b"/Filter /FlateDecode ", zeros_zlib(1024))], eol=eol)


def pdf_many_streams_bomb(count: int = 100, mib: int = 60) -> bytes:
    """``count`` content streams each just under the one-stream limit (``mib`` MiB, deflated
    twice): small on disk, ``count * mib`` MiB in all."""
    payload = zlib.compress(zeros_zlib(mib), 9)
    return pdf_with_streams([(b"/Filter [/FlateDecode /FlateDecode] ", payload)] * count)


def pdf_runlength_bomb(mib: int = 128) -> bytes:
    """RunLength data: every 2 bytes repeat one byte 128 times."""
    return pdf_with_streams([(b"/Filter /RunLengthDecode ", b"\x81 " * (mib << 13) + b"\x80")])


def pdf_bad_checksum(words: int = 60_000) -> bytes:
    """A real page of text whose Flate stream's Adler-32 checksum is wrong (about 60 kB):
    pdfminer's fallback re-inflates it once per byte."""
    import random

    rnd = random.Random(15)
    vocab = ["child", "review", "school", "police", "mother", "plan", "risk", "said", "the"]
    lines = []
    for i in range(words // 10):
        line = " ".join(rnd.choice(vocab) + str(rnd.randrange(1000)) for _ in range(10))
        lines.append(b"BT /F1 6 Tf 20 %d Td (%s) Tj ET" % (800 - (i % 130) * 6, line.encode()))
    stream = bytearray(zlib.compress(b"\n".join(lines), 9))
    stream[-1] ^= 0xFF  # the checksum no longer matches
    return pdf_with_streams([(b"/Filter /FlateDecode ", bytes(stream))], text=True)


def many_page_text_pdf(pages: int = 500, lines: int = 45) -> bytes:
    """A valid PDF of ``pages`` full pages of prose (reportlab canvas, fast to build)."""
    from reportlab.pdfgen import canvas

    sentence = ("The case manager met the child at school and recorded what he said about "
                "feeling unsafe on the estate. ")  # fmt: skip
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    for p in range(pages):
        c.setFont("Helvetica-Bold", 14)
        c.drawString(72, 790, f"Section {p + 1}")
        c.setFont("Helvetica", 10)
        for i in range(lines):
            c.drawString(72, 760 - i * 14, f"{sentence[: 60 + i % 30]}{p}.{i}")
        c.drawString(280, 30, f"Page {p + 1} of {pages}")
        c.showPage()
    c.save()
    return buf.getvalue()


# -- .docx packages written from raw XML (issue 15) -----------------------------------------
W_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'mc:Ignorable="w14 wps"'
)
_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_MACRO_TYPE = "application/vnd.ms-word.document.macroEnabled.main+xml"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def para(text: str, style: str | None = None) -> str:
    """A ``w:p`` with one run (text escaped)."""
    from xml.sax.saxutils import escape, quoteattr

    ppr = f"<w:pPr><w:pStyle w:val={quoteattr(style)}/></w:pPr>" if style is not None else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def docx_from_body(
    body: str,
    *,
    styles: str | None = None,
    extra: dict[str, bytes] | None = None,
    rels: str = "",
    macro: bool = False,
) -> bytes:
    """A minimal but valid .docx whose ``w:body`` is ``body``; ``extra`` parts are added as
    they are (with their relationships in ``rels``); ``macro`` makes it a macro-enabled
    document (.docm content type and a vbaProject.bin part)."""
    main = _MACRO_TYPE if macro else _MAIN_TYPE
    types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main}"/></Types>'
    )
    root_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
        f'Type="{_REL}/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    style_rel = f'<Relationship Id="rIdS" Type="{_REL}/styles" Target="styles.xml"/>'
    doc_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships">'
        + (style_rel if styles is not None else "") + rels + "</Relationships>"
    )
    document = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}>'
    document += f"<w:body>{body}</w:body></w:document>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", types)
        zf.writestr("_rels/.rels", root_rels)
        zf.writestr("word/document.xml", document)
        zf.writestr("word/_rels/document.xml.rels", doc_rels)
        if styles is not None:
            zf.writestr(
                "word/styles.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W_NS}>{styles}</w:styles>',
            )
        if macro:
            zf.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 fictional macro storage")
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return out.getvalue()


def docx_big_headers(parts: int = 4, mib: int = 40) -> bytes:
    """A few MB on disk whose header parts hold ``parts`` x ``mib`` MiB of XML (honest sizes,
    compressed well under the zip-bomb ratio)."""
    lines = []
    size = 0
    i = 0
    while size < mib << 20:
        number = i * 7919 % 1000003
        line = f"<w:p><w:r><w:t>Header line {number} of the running header</w:t></w:r></w:p>"
        lines.append(line)
        size += len(line)
        i += 1
    header = (f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {W_NS}>' + "".join(lines)
              + "</w:hdr>").encode()  # fmt: skip
    extra = {f"word/header{k}.xml": header for k in range(1, parts + 1)}
    rels = "".join(
        f'<Relationship Id="rIdH{k}" Type="{_REL}/header" Target="header{k}.xml"/>'
        for k in range(1, parts + 1)
    )
    body = para("Learning review", "Heading1") + para("The child said he felt unsafe at school.")
    return docx_from_body(body, extra=extra, rels=rels)
