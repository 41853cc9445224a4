"""defusedxml in front of every XML parse, at the cost of reading the prolog only.

Entity declarations (the stuff of "billion laughs" bombs and external-entity reads) can
only appear in the document type declaration, and that must come before the root
element. So the prolog goes through defusedxml's parser, which refuses entity
declarations and external references; once the root element opens nothing dangerous
can follow, and the format library parses the file with the standard parser at full
speed (a full defusedxml parse would cost as much again as the library's whole parse).
"""

from __future__ import annotations

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser, ParseError

from hamstring_app.importer.errors import BadFile, UnsafeFile

_CHUNK = 16 * 1024


class _RootReached(Exception):
    pass


class _StopAtRoot:
    """A parser target that stops the parse when the root element opens."""

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        raise _RootReached

    def end(self, tag: str) -> None:  # pragma: no cover - never reached
        pass

    def data(self, data: str) -> None:
        pass

    def close(self) -> None:
        return None


def check_xml(data: bytes) -> None:
    """Raise UnsafeFile for entity declarations or external references, BadFile when the
    prolog is not XML; return once the root element starts."""
    parser = DefusedXMLParser(target=_StopAtRoot())
    try:
        for offset in range(0, len(data), _CHUNK):
            parser.feed(data[offset : offset + _CHUNK])
        parser.close()
    except _RootReached:
        return
    except DefusedXmlException as exc:
        raise UnsafeFile(
            f"refused: the XML declares entities or external references ({type(exc).__name__})"
        ) from None
    except (ParseError, ValueError) as exc:
        raise BadFile(f"not valid XML ({exc})") from None
    raise BadFile("not valid XML (no root element)")
