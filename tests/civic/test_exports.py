import csv
import io

import pytest

from civic.exports import safe_cell, stream_csv


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
        ('+HYPERLINK("http://x")', '\'+HYPERLINK("http://x")'),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Parking near the shops", "Parking near the shops"),
        ("a=b", "a=b"),
        ("", ""),
        (None, ""),
        (-1.25, -1.25),  # a longitude stays a number
        (42, 42),
    ],
)
def test_safe_cell_quotes_text_a_spreadsheet_would_run(value, cell):
    assert safe_cell(value) == cell


def test_stream_csv_streams_a_download_with_every_cell_safe():
    rows = iter([[1, "=1+1", None, -0.5], [2, "plain, with comma", "@x", "line\nbreak"]])
    response = stream_csv(["id", "text", "other", "lon"], rows, "things.csv")
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="things.csv"'
    parsed = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert parsed == [
        ["id", "text", "other", "lon"],
        ["1", "'=1+1", "", "-0.5"],
        ["2", "plain, with comma", "'@x", "line\nbreak"],
    ]
