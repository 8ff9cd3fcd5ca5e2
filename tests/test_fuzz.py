"""Property tests: the checker never raises on any document, and the readers turn any bytes
into either a Document or a DraftError (never another exception, never a hang).

Hypothesis runs derandomized (a fixed seed per test) with modest example counts so the suite
stays fast on two cores, and with no example database (nothing is written).
"""

from __future__ import annotations

import io
import json
import signal
import zipfile
from contextlib import contextmanager

import fixtures_hostile as fh
import pytest
from fixtures import rules_checker
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qa_assistant.document.model import Document, DocumentBuilder
from qa_assistant.errors import DraftError
from qa_assistant.ingest import read_bytes

STATUSES = {"met", "partial", "missing"}


def fuzz_settings(n: int):
    return settings(
        max_examples=n,
        derandomize=True,
        database=None,
        deadline=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


class Stalled(BaseException):
    """Raised by the alarm; a BaseException so no ``except Exception`` can swallow it."""


@contextmanager
def time_limit(seconds: int):
    def on_alarm(signum, frame):
        raise Stalled(f"still running after {seconds} s")

    if not hasattr(signal, "SIGALRM"):  # not on Windows: no limit there
        yield
        return
    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


# -- documents: arbitrary text in arbitrary block structures ----------------------------------
VOCABULARY = (
    "the child young person said told felt views voice YOT police social care CAMHS school "
    "manager supervision oversight countersigned risk assessment AssetPlus plan action owner "
    "target date review by 30 June 2025 within 6 weeks not no never did N/A TBC see chronology "
    "looked after 15-year-old stabbing murder blame failed hindsight good practice strengths "
    "signed off Head of Service independent ethnicity ADHD Welsh : | - • 1. (a) « » “ ” ’ £ é"
)
WORDS = VOCABULARY.split()
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=25).map(" ".join)
any_text = st.one_of(st.text(max_size=120), sentence, sentence.map(lambda s: s + "."))
label_line = st.tuples(st.sampled_from(["Voice of the child", "Owner", "Date", "Signed"]),
                       any_text).map(": ".join)  # fmt: skip
block = st.one_of(
    st.tuples(st.just("heading"), any_text, st.integers(0, 7)),
    st.tuples(st.sampled_from(["paragraph", "list_item"]), st.one_of(any_text, label_line),
              st.just(0)),
    st.tuples(st.just("table"),
              st.lists(st.lists(any_text, min_size=0, max_size=5), min_size=0, max_size=6),
              st.just(0)),
)  # fmt: skip


def build_document(blocks) -> Document:
    builder = DocumentBuilder("fuzz.docx", "docx")
    table_index = 0
    for kind, content, level in blocks:
        if kind == "table":
            builder.add_table(content, table_index=table_index)
            table_index += 1
        else:
            builder.add(kind, content, level=level)
    return builder.build()


def assert_sound(result, document: Document) -> None:
    assert len(result.concerns) >= 12  # every concern judged
    for concern in result.concerns.values():
        assert concern.status in STATUSES
        assert 0.0 <= concern.score <= 1.0
    assert 0 <= result.score <= 100
    data = result.to_dict()
    json.dumps(data)  # the JSON contract holds whatever the input
    for concern in data["concerns"].values():
        for e in concern["evidence"]:
            assert document.text[e["start"] : e["end"]] == e["text"]


@fuzz_settings(100)
@given(st.lists(block, max_size=12))
def test_checker_never_raises_on_any_block_structure(blocks):
    document = build_document(blocks)
    with time_limit(20):
        result = rules_checker().check_document(document)
    assert_sound(result, document)


@fuzz_settings(60)
@given(st.text(max_size=600))
def test_checker_never_raises_on_arbitrary_text(text):
    builder = DocumentBuilder("fuzz.txt", "txt")
    for line in text.splitlines():
        builder.add("paragraph", line)
    document = builder.build()
    with time_limit(20):
        result = rules_checker().check_document(document)
    assert_sound(result, document)


@pytest.fixture(scope="module")
def model_checker():
    """The checker with the trained models, when models/ holds a loadable set."""
    from qa_assistant.checker import Checker

    try:
        checker = Checker()
    except Exception as exc:  # noqa: BLE001 - a training job may be rewriting models/
        pytest.skip(f"trained models not loadable: {type(exc).__name__}")
    if checker.models is None:
        pytest.skip("no trained models in models/")
    return checker


@fuzz_settings(25)
@given(blocks=st.lists(block, max_size=10))
def test_checker_with_models_never_raises(model_checker, blocks):
    document = build_document(blocks)
    with time_limit(30):
        result = model_checker.check_document(document)
    assert_sound(result, document)


# -- readers: mutated bytes ---------------------------------------------------------------------
def mutate(data: bytes, ops) -> bytes:
    buf = bytearray(data)
    for op, where, value in ops:
        if not buf:
            break
        i = where % len(buf)
        if op == "flip":
            buf[i] ^= value or 1
        elif op == "set":
            buf[i] = value
        elif op == "cut":
            del buf[i:]
        elif op == "drop":
            del buf[i : i + value + 1]
        elif op == "insert":
            buf[i:i] = bytes([value]) * (1 + value % 7)
        elif op == "dup":
            buf[i:i] = buf[i : i + value + 1]
    return bytes(buf)


mutations = st.lists(
    st.tuples(
        st.sampled_from(["flip", "set", "cut", "drop", "insert", "dup"]),
        st.integers(0, 2**31),
        st.integers(0, 255),
    ),
    min_size=1,
    max_size=6,
)


def read_or_refuse(data: bytes, name: str) -> None:
    """The property: a Document, or a DraftError with a one-line message; nothing else."""
    with time_limit(20):
        try:
            document = read_bytes(data, name)
        except DraftError as exc:
            message = str(exc)
            assert message and "\n" not in message and "Traceback" not in message
            return
    assert isinstance(document, Document) and document.text.strip()


def uncompressed_pdf() -> bytes:
    """A PDF whose page content is plain operators, so flipped bytes hit text and layout."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pageCompression=0, invariant=1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(72, 760, "Voice of the child")
    c.setFont("Helvetica", 10)
    c.drawString(72, 740, "The child told the reviewer that nobody listened.")
    c.rect(72, 600, 300, 60)
    c.line(72, 630, 372, 630)
    c.drawString(80, 640, "Action | Owner | Target date")
    c.showPage()
    c.save()
    return buf.getvalue()


DOCX = fh.good_docx()
PDF = fh.good_pdf()
PLAIN_PDF = uncompressed_pdf()
with zipfile.ZipFile(io.BytesIO(DOCX)) as _zf:
    DOCUMENT_XML = _zf.read("word/document.xml")


@fuzz_settings(150)
@given(mutations)
def test_mutated_docx_bytes(ops):
    read_or_refuse(mutate(DOCX, ops), "fuzz.docx")


@fuzz_settings(120)
@given(mutations)
def test_mutated_document_xml_in_a_valid_zip(ops):
    """Mutations inside word/document.xml, re-zipped, so the XML parser and reader see them."""
    read_or_refuse(fh.docx_with_part("word/document.xml", mutate(DOCUMENT_XML, ops)), "f.docx")


@fuzz_settings(100)
@given(mutations)
def test_mutated_pdf_bytes(ops):
    read_or_refuse(mutate(PDF, ops), "fuzz.pdf")


@fuzz_settings(150)
@given(mutations)
def test_mutated_uncompressed_pdf_bytes(ops):
    read_or_refuse(mutate(PLAIN_PDF, ops), "fuzz.pdf")


@fuzz_settings(150)
@given(st.binary(max_size=3000), st.sampled_from(["fuzz.txt", "fuzz.md", "fuzz.docx", "fuzz.pdf"]))
def test_arbitrary_bytes_under_any_name(data, name):
    read_or_refuse(data, name)


@fuzz_settings(60)
@given(st.text(max_size=2000), st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_any_text_in_any_common_encoding(text, encoding):
    data = text.encode(encoding, errors="replace")
    read_or_refuse(data, "fuzz.txt")
